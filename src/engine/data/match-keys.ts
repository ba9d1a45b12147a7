import type { Cell } from "./data-table.ts";

/** A key as text: numbers as written without zeros of their own ("6", "4.5"), dates as ISO dates. */
export function keyText(value: Cell): string | undefined {
  if (value === null) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().replace(/T00:00:00\.000Z$/, "");
  return String(value).trim();
}

/**
 * A key as tolerant matching reads it: without case, accents (NFKD, marks dropped), apostrophes of
 * any kind, and spaces, dots (but decimal points), hyphens and dashes; codes written only in digits without their leading
 * zeros ("06" = "6"). Tables and map files spell the same place in these many ways ("Côte d'Ivoire",
 * "Cote d’Ivoire", "COTE D IVOIRE"; "Guinea-Bissau", "Guinea Bissau"), and spreadsheets drop zeros.
 */
export function tolerantKey(text: string): string {
  const folded = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘ʼ`´]/g, "")
    // A dot between digits is a decimal point ("4.5" is not "45"); any other is an abbreviation's.
    .replace(/[\s\-‐‑‒–—―_·]+|(?<!\d)\.|\.(?!\d)/g, "");
  return /^\d+$/.test(folded) ? folded.replace(/^0+(?=\d)/, "") : folded;
}

export interface KeyMatches {
  /** For each row of the table, the shapes it matched (several when shapes share a key). */
  shapesOfRow: number[][];
  /** For each shape, the row that matched it, if any (the first, when several did). */
  rowOfShape: (number | undefined)[];
  /** Rows with a key that matched no shape. */
  unmatchedRows: number[];
  /** A shape matched by two rows: the rows, in table order. */
  duplicates: { shape: number; rows: [number, number] }[];
}

/**
 * Matches rows of a table to shapes by key: letter for letter first, then tolerantly (tolerantKey).
 * Rows with a missing key match nothing and are not counted as unmatched (their values are missing).
 */
export function matchKeys(shapeKeys: readonly Cell[], rowKeys: readonly Cell[]): KeyMatches {
  const exact = new Map<string, number[]>();
  const tolerant = new Map<string, number[]>();
  const add = (index: Map<string, number[]>, key: string, shape: number) => {
    const list = index.get(key);
    if (list) list.push(shape);
    else index.set(key, [shape]);
  };
  shapeKeys.forEach((value, shape) => {
    const text = keyText(value);
    if (text === undefined || text === "") return;
    add(exact, text, shape);
    add(tolerant, tolerantKey(text), shape);
  });

  const shapesOfRow: number[][] = [];
  const rowOfShape: (number | undefined)[] = shapeKeys.map(() => undefined);
  const unmatchedRows: number[] = [];
  const duplicates: KeyMatches["duplicates"] = [];
  rowKeys.forEach((value, row) => {
    const text = keyText(value);
    if (text === undefined || text === "") {
      shapesOfRow.push([]);
      return;
    }
    const shapes = exact.get(text) ?? tolerant.get(tolerantKey(text)) ?? [];
    shapesOfRow.push(shapes);
    if (shapes.length === 0) unmatchedRows.push(row);
    for (const shape of shapes) {
      const earlier = rowOfShape[shape];
      if (earlier === undefined) rowOfShape[shape] = row;
      else if (!duplicates.some((d) => d.rows[0] === earlier && d.rows[1] === row)) duplicates.push({ shape, rows: [earlier, row] });
    }
  });
  return { shapesOfRow, rowOfShape, unmatchedRows, duplicates };
}
