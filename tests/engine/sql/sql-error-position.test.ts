import { expect, it } from "vitest";
import { candidateNames, readSqlError } from "../../../src/engine/sql/sql-error-position.ts";
import { compileWith, sqlBlock, story, tempData, where } from "./sql-harness.ts";

it("reads DuckDB's type, message, candidates and place", () => {
  const query = "SELECT a,\n  nope FROM t";
  const error = readSqlError('Binder Error: Referenced column "nope" not found in FROM clause!\nCandidate bindings: "t.a", "b"\n\nLINE 2:   nope FROM t\n          ^', query);
  expect(error).toEqual({ type: "Binder", detail: 'Referenced column "nope" not found in FROM clause', more: 'Candidate bindings: "t.a", "b"', offset: 12 });
  expect(candidateNames(error.more)).toEqual(["a", "b"]);
});

it("finds the place on a long line DuckDB shows cut short", async () => {
  const data = tempData({ "wide.csv": `${Array.from({ length: 40 }, (_, i) => `column_${i}`).join(",")}\n${Array.from({ length: 40 }, (_, i) => i).join(",")}\n` });
  try {
    const columns = Array.from({ length: 40 }, (_, i) => `column_${i}`).join(", ");
    const query = `SELECT ${columns}, colunm_41 FROM 'wide.csv'`;
    const compiled = await compileWith(data.data, story(sqlBlock("q", query)));
    expect(where(compiled)).toEqual([`sql/unknown-column 8:${query.indexOf("colunm_41") + 1}`]);
  } finally {
    data.cleanup();
  }
});
