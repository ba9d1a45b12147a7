/** The formats a data block or data file may be written in. */
export type DataFormat = "csv" | "tsv" | "json" | "yaml" | "geojson" | "topojson";

export const DATA_FORMATS: readonly DataFormat[] = ["csv", "tsv", "json", "yaml", "geojson", "topojson"];
/** The format a data file is read in by its extension, unless format= says otherwise. */
export const FORMAT_OF_EXTENSION: Record<string, DataFormat> = {
  csv: "csv",
  tsv: "tsv",
  json: "json",
  yaml: "yaml",
  yml: "yaml",
  geojson: "geojson",
  topojson: "topojson",
};

/** The format that format= names, or undefined for one Plotline does not read. */
export function readFormat(written: string): DataFormat | undefined {
  const lower = written.trim().toLowerCase();
  return lower === "yml" ? "yaml" : DATA_FORMATS.find((f) => f === lower);
}

/** The format= of a data block's info string is sql (any case, spaces around it allowed). */
export const isSqlFormat = (format: string | undefined): boolean => format?.trim().toLowerCase() === "sql";
