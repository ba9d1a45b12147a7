/** What a data block's id= may be: a letter, then letters, digits and hyphens, all lower case. */
export const isDataId = (id: string): boolean => /^[a-z][a-z0-9-]*$/.test(id);

/** A valid id close to one that is not: `Jobs_2025` → `jobs-2025`. */
export function suggestId(id: string, index: number): string {
  const base = id
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (base === "") return `data-${index + 1}`;
  return /^[a-z]/.test(base) ? base : `data-${base}`;
}
