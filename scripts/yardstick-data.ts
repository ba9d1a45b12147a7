/**
 * Writes the two long-format tables of the yardstick (tests/yardstick/data/) from Plot's wide ones,
 * exactly as Plot's tests reshape them in JavaScript before plotting (Plotline's data blocks cannot
 * reshape): crimean-war-long.csv as in test/plots/crimean-war-*.ts (one row per month and cause, the
 * causes in the order of the columns after `date` and `army`), us-population-state-age-long.csv as in
 * test/plots/us-population-state-age.ts (one row per age group and state, age groups in column order).
 * Run: node scripts/yardstick-data.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = join(import.meta.dirname, "..", "tests", "yardstick", "data");
const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function readWide(file: string): { columns: string[]; rows: string[][] } {
  const [header, ...lines] = readFileSync(join(dir, file), "utf8").trim().split("\n");
  return { columns: header!.split(","), rows: lines.map((line) => line.split(",")) };
}

function writeLong(file: string, header: string[], rows: string[][]): void {
  writeFileSync(join(dir, file), [header, ...rows].map((row) => row.map(quote).join(",")).join("\n") + "\n");
}

const crimea = readWide("crimean-war.csv");
writeLong(
  "crimean-war-long.csv",
  ["date", "cause", "deaths"],
  crimea.columns.slice(2).flatMap((cause) => crimea.rows.map((row) => [row[0]!, cause, row[crimea.columns.indexOf(cause)]!])),
);

const states = readWide("us-population-state-age.csv");
writeLong(
  "us-population-state-age-long.csv",
  ["state", "age", "population"],
  states.columns.slice(1).flatMap((age) => states.rows.map((row) => [row[0]!, age, row[states.columns.indexOf(age)]!])),
);
