import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileProjectAsync } from "../../../src/engine/project/compile-project.ts";
import { harnessSql, sqlBlock, story, tempData } from "./sql-harness.ts";

/**
 * A story charting a 1,000,000-row CSV (made here, not committed) through SQL, by month; compiled as
 * the build compiles it (project, cache), and compiled again from the cache without running DuckDB.
 */
let project: ReturnType<typeof tempData>;
beforeAll(async () => {
  project = tempData();
  await harnessSql(
    `COPY (SELECT DATE '2024-01-01' + (i % 366)::INTEGER AS sold_at, ['North', 'South', 'East'][(i % 3) + 1] AS region, (i % 100) / 10 AS amount FROM range(1000000) t(i))
     TO '${project.data}/sales-2024.csv' (HEADER)`,
  );
  await harnessSql(`COPY (SELECT * FROM read_csv('${project.data}/sales-2024.csv')) TO '${project.data}/sales-2024.parquet' (FORMAT parquet)`);
  mkdirSync(join(project.root, "content/stories"), { recursive: true });
  const chart = (id: string) =>
    `\`\`\`plot data=${id} id=${id}-chart\nalt: Sales by month in 2024, three regions.\nmarks:\n  - lineY: {x: month, y: total, stroke: region}\n\`\`\`\n\n`;
  writeFileSync(
    join(project.root, "content/stories/monthly.md"),
    story(
      sqlBlock("monthly", "SELECT date_trunc('month', sold_at) AS month, region, sum(amount) AS total\nFROM 'sales-*.csv'\nGROUP BY ALL ORDER BY month, region") +
        chart("monthly") +
        sqlBlock("monthly-parquet", "SELECT date_trunc('month', sold_at) AS month, region, sum(amount) AS total\nFROM 'sales-2024.parquet'\nGROUP BY ALL ORDER BY month, region") +
        chart("monthly-parquet"),
    ),
  );
}, 60_000);
afterAll(() => project.cleanup());

describe("a story charting a million rows through SQL", () => {
  it("draws 12 months for 3 regions, reads the files it names, and is taken from the cache the next time", async () => {
    const first = await compileProjectAsync(project.root);
    const [compiled] = first.stories;
    expect(first.diagnostics).toEqual([]);
    expect(compiled!.charts).toHaveLength(2);
    const payload = compiled!.charts[0]!;
    expect(payload.html).toContain("<svg");
    expect(compiled!.dataFiles).toEqual(["sales-2024.csv", "sales-2024.parquet"]);
    expect(compiled!.dataGlobs).toEqual(["sales-*.csv"]);
    // "Get the data": a header and 12 months × 3 regions.
    const csv = String(payload.csv!.content).trim().split("\n");
    expect(csv).toHaveLength(37);
    expect(csv[1]).toMatch(/^2024-01/);
    expect(compiled!.fromCache).toBeUndefined();

    const second = await compileProjectAsync(project.root);
    expect(second.stories[0]!.fromCache).toBe(true);

    // A new file matching the glob is a change: compiled again.
    writeFileSync(join(project.data, "sales-2025.csv"), "sold_at,region,amount\n2025-01-01,North,1\n");
    const third = await compileProjectAsync(project.root);
    expect(third.stories[0]!.fromCache).toBeUndefined();
    expect(third.stories[0]!.dataFiles).toContain("sales-2025.csv");
  }, 120_000);
});
