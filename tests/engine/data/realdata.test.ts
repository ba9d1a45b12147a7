import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataFileSource } from "../../../src/engine/data/data-file-source.ts";
import { nodeDataFiles } from "../../../src/engine/data/node-data-files.ts";
import { realDataDir } from "../../support/real-data.ts";
import { column, located, parseData, table } from "./helpers.ts";

// Real public datasets (read-only), copied into a temporary data/ folder and read through node:fs.
let base: string;
let files: DataFileSource;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "plotline-realdata-"));
  cpSync(realDataDir, join(base, "data"), { recursive: true });
  files = nodeDataFiles(join(base, "data"));
});
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

const typesOf = (t: { columns: { name: string; type: string; precision?: string }[] }) =>
  Object.fromEntries(t.columns.map((c) => [c.name, c.precision ? `${c.type}/${c.precision}` : c.type]));

describe("real datasets", () => {
  it("penguins: empty sex cells are missing values", () => {
    const t = table('id=penguins src=penguins.csv types="culmen_length_mm:string,culmen_depth_mm:string,flipper_length_mm:string,body_mass_g:string"', "", files);
    expect(t.rows).toHaveLength(344);
    const sex = column(t, "sex");
    expect(sex.filter((v) => v === null)).toHaveLength(11);
    expect(new Set(sex)).toEqual(new Set(["MALE", "FEMALE", null]));
  });
  it("penguins: NaN cells are missing values, so the measurement columns are numbers, with one note", () => {
    const result = parseData("id=penguins src=penguins.csv", "", files);
    expect(located(result.diagnostics)).toEqual(["data/missing-values data/penguins.csv:5:18"]);
    expect(result.diagnostics[0]!.severity).toBe("warning");
    expect(result.diagnostics[0]!.message).toBe(
      '8 cells holding "NaN" are read as missing values, so charts leave them out ("culmen_length_mm" 2, "culmen_depth_mm" 2, "flipper_length_mm" 2, "body_mass_g" 2).',
    );
    const t = result.table!;
    expect(typesOf(t)).toEqual({
      species: "string",
      island: "string",
      culmen_length_mm: "number",
      culmen_depth_mm: "number",
      flipper_length_mm: "number",
      body_mass_g: "number",
      sex: "string",
    });
    expect(t.rows[0]).toMatchObject({ culmen_length_mm: 39.1, body_mass_g: 3750 });
    expect(t.rows[3]).toMatchObject({ culmen_length_mm: null, body_mass_g: null, sex: null });
  });
  it("penguins: with missing=\"\" NaN is text again, and a column typed number points at the NaN cells in the file", () => {
    const result = parseData('id=penguins src=penguins.csv missing="" types="culmen_length_mm:number"', "", files);
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(located(errors)).toEqual(["data/bad-typed-value data/penguins.csv:5:18", "data/bad-typed-value data/penguins.csv:341:15"]);
    expect(errors[0]!.message).toBe('The column "culmen_length_mm" is typed as number, but holds "NaN".');
  });
  it("US population by age: a non-ASCII header is kept as written, counts are numbers", () => {
    const t = table("id=population src=us-population-state-age.csv", "", files);
    expect(t.columns.map((c) => c.name)).toEqual(["name", "<10", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "≥80"]);
    expect(t.columns.slice(1).every((c) => c.type === "number")).toBe(true);
    expect(t.rows[0]).toMatchObject({ name: "AL", "≥80": 174781 });
  });
  it("US retail sales: dates written as Jan-1992 stay text unless typed, with a warning naming the specifier that reads them", () => {
    const result = parseData('id=sales src=us-retail-sales.csv types="Sales:string,Seasonally Adjusted Sales:string"', "", files);
    expect(located(result.diagnostics)).toEqual(["data/dates-as-text data/us-retail-sales.csv:2:1"]);
    expect(result.diagnostics[0]!.hint).toContain('types="Date:date(%b-%Y)"');
    const t = result.table!;
    expect(typesOf(t).Date).toBe("string");
    expect(t.rows[0]).toMatchObject({ Date: "Jan-1992" });
  });
  it("US retail sales: the quoted NA cells at the end are missing values; types=Date:date(%b-%Y) reads the months", () => {
    const result = parseData('id=sales src=us-retail-sales.csv types="Date:date(%b-%Y)"', "", files);
    expect(located(result.diagnostics)).toEqual(["data/missing-values data/us-retail-sales.csv:347:10"]);
    expect(result.diagnostics[0]!.message).toContain('6 cells holding "NA"');
    const t = result.table!;
    expect(typesOf(t)).toEqual({ Date: "date/month", Sales: "number", "Seasonally Adjusted Sales": "number" });
    expect(t.rows[0]).toEqual({ Date: new Date("1992-01-01T00:00:00Z"), Sales: 146376, "Seasonally Adjusted Sales": 164095 });
    expect(t.rows.at(-1)).toEqual({ Date: new Date("2020-12-01T00:00:00Z"), Sales: null, "Seasonally Adjusted Sales": null });
  });
  it("AAPL: ISO days are dates at day precision, in UTC", () => {
    const t = table("id=aapl src=aapl.csv", "", files);
    expect(t.rows).toHaveLength(1260);
    expect(typesOf(t)).toMatchObject({ Date: "date/day", Close: "number", Volume: "number" });
    expect(t.rows[0]!.Date).toEqual(new Date("2013-05-13T00:00:00Z"));
  });
  it("GISTEMP: negative anomalies are numbers", () => {
    const t = table("id=gistemp src=gistemp.csv", "", files);
    expect(typesOf(t)).toEqual({ Date: "date/day", Anomaly: "number" });
    expect(t.rows[0]).toEqual({ Date: new Date("1880-01-01T00:00:00Z"), Anomaly: -0.3 });
  });
  it("the small datasets read without a diagnostic", () => {
    expect(typesOf(table("id=a src=alphabet.csv", "", files))).toEqual({ letter: "string", frequency: "number" });
    expect(typesOf(table("id=c src=crimean-war.csv", "", files))).toEqual({ date: "date/day", army: "number", disease: "number", wounds: "number", other: "number" });
    expect(typesOf(table("id=f src=fruit-sales.csv", "", files))).toEqual({ date: "date/day", fruit: "string", units: "number" });
  });
  it("a misspelt file name suggests the real one from the folder", () => {
    const result = parseData("id=p src=penguin.csv", "", files);
    expect(result.diagnostics[0]!.message).toBe('There is no file "data/penguin.csv". Did you mean "penguins.csv"?');
  });
});
