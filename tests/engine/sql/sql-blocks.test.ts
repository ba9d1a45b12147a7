import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { nodeDataFiles } from "../../../src/engine/data/node-data-files.ts";
import { runStoryQueries } from "../../../src/engine/sql/run-story-queries.ts";
import { parseDataBlock } from "../../../src/engine/data/parse-data-block.ts";
import { SourceFile } from "../../../src/engine/diagnostics/source-file.ts";
import { findStoryBlocks } from "../../../src/engine/story/find-story-blocks.ts";
import { parseMarkdown } from "../../../src/engine/story/parse-markdown.ts";
import { compileWith, harnessSql, sqlBlock, story, tempData, where } from "./sql-harness.ts";

const files = {
  "sales/2024-01.csv": "sold_at,region,amount\n2024-01-03,North,10\n2024-01-20,South,5\n",
  "sales/2024-02.csv": "sold_at,region,amount\n2024-02-01,North,7\n2024-02-14,South,1\n",
  "jobs.csv": "year,jobs\n2023,10\n2024,12\n",
  "wide.csv": "country,jobs_2023,jobs_2024\nFrance,1,2\nChina,3,4\n",
};
let project: ReturnType<typeof tempData>;
beforeAll(async () => {
  project = tempData(files);
  await harnessSql(`COPY (SELECT * FROM read_csv('${project.data}/sales/*.csv')) TO '${project.data}/sales.parquet' (FORMAT parquet)`);
  writeFileSync(join(project.root, "secret.csv"), "password\nhunter2\n");
  symlinkSync(join(project.root, "secret.csv"), join(project.data, "linked.csv"));
});
afterAll(() => project.cleanup());

describe("SQL blocks: results", () => {
  it("aggregates files under data/ by a glob, types the columns, and draws a chart from the result", async () => {
    const compiled = await compileWith(
      project.data,
      story(
        sqlBlock("monthly", "SELECT date_trunc('month', sold_at) AS month, region, sum(amount) AS total\nFROM 'sales/2024-*.csv'\nGROUP BY ALL ORDER BY month, region") +
          "```plot data=monthly id=monthly-sales\nalt: Sales by month and region.\nmarks:\n  - barY: {x: month, y: total, fill: region}\n```\n",
      ),
    );
    expect(where(compiled)).toEqual([]);
    expect(compiled.dataFiles).toEqual(["sales/2024-01.csv", "sales/2024-02.csv"]);
    expect(compiled.dataGlobs).toEqual(["sales/2024-*.csv"]);
    expect(compiled.charts).toHaveLength(1);
    expect(compiled.html).toContain("<svg");
  });

  it("maps DuckDB's types to Plotline's, with date precision from the values", async () => {
    const queries = await runStoryQueries(
      {
        path: "s.md",
        text: story(
          sqlBlock(
            "types",
            "SELECT DATE '2024-03-01' AS m, DATE '2024-03-05' AS d, TIMESTAMP '2024-03-05 10:30' AS t, DATE '2024-01-01' AS y,\n 1::TINYINT AS i, 2::BIGINT AS b, 3::HUGEINT AS h, 1.5::DECIMAL(10,2) AS dc, 2.5 AS dbl, 'x' AS s, true AS bo, NULL::INTEGER AS n",
          ),
        ),
      },
      { dataFiles: nodeDataFiles(project.data) },
    );
    const result = queries!.results.get(0)!;
    expect(result.diagnostics).toEqual([]);
    expect(result.table!.columns).toEqual([
      { name: "m", type: "date", precision: "month" },
      { name: "d", type: "date", precision: "day" },
      { name: "t", type: "date", precision: "time" },
      { name: "y", type: "date", precision: "year" },
      { name: "i", type: "number" },
      { name: "b", type: "number" },
      { name: "h", type: "number" },
      { name: "dc", type: "number" },
      { name: "dbl", type: "number" },
      { name: "s", type: "string" },
      { name: "bo", type: "boolean" },
      { name: "n", type: "number" },
    ]);
    expect(result.table!.rows[0]).toEqual({
      m: new Date("2024-03-01T00:00:00Z"),
      d: new Date("2024-03-05T00:00:00Z"),
      t: new Date("2024-03-05T10:30:00Z"),
      y: new Date("2024-01-01T00:00:00Z"),
      i: 1,
      b: 2,
      h: 3,
      dc: 1.5,
      dbl: 2.5,
      s: "x",
      bo: true,
      n: null,
    });
  });

  it("reads Parquet, inline blocks (also YAML and src= files) and earlier SQL blocks by id", async () => {
    const text = story(
      "```data id=region-names format=yaml\n- {region: North, name: Northern region}\n- {region: South, name: Southern region}\n```\n\n" +
        '```data id=jobs src="jobs.csv"\n```\n\n' +
        sqlBlock("totals", "SELECT region, sum(amount) AS total FROM 'sales.parquet' GROUP BY region") +
        sqlBlock("named", 'SELECT n.name, t.total FROM totals t JOIN "region-names" n USING (region) WHERE region = \'North\'') +
        sqlBlock("underscored", "SELECT count(*) AS regions FROM region_names") +
        sqlBlock("latest", "FROM jobs SELECT max(jobs) AS jobs") +
        "Names :value[named.name] :value[underscored.regions] :value[latest.jobs]\n",
    );
    const compiled = await compileWith(project.data, text);
    expect(where(compiled)).toEqual([]);
    expect(compiled.html).toContain("Northern region");
    expect(compiled.dataFiles).toEqual(["jobs.csv", "sales.parquet"]);
  });

  it("reads only quoted paths as files: not a reader's options, nor a value compared in WHERE", async () => {
    const query = "SELECT count(*) AS n FROM read_csv('jobs.csv', delim = ',', dateformat = '%d/%m/%Y', types = {'jobs': 'DOUBLE'})\nWHERE 'report.csv' <> 'x.csv'";
    const compiled = await compileWith(project.data, story(sqlBlock("q", query) + "Rows: :value[q.n].\n"));
    expect(where(compiled)).toEqual([]);
    expect(compiled.dataFiles).toEqual(["jobs.csv"]);
  });

  it("applies types= to the result as to a CSV block's columns", async () => {
    const text = story('```data id=q format=sql types="year:date,jobs:string,nope:number"\nSELECT year, jobs FROM \'jobs.csv\'\n```\n');
    const queries = await runStoryQueries({ path: "s.md", text }, { dataFiles: nodeDataFiles(project.data) });
    const compiled = compileStory({ path: "s.md", text }, { dataFiles: nodeDataFiles(project.data), queries: queries! });
    expect(where(compiled)).toEqual(["data/type-unknown-column 7:54"]);
    const file = new SourceFile("s.md", text);
    const [block] = findStoryBlocks(parseMarkdown(file), file).blocks;
    const { table: typed } = parseDataBlock(block!, nodeDataFiles(project.data), queries!);
    expect(typed!.columns).toEqual([
      { name: "year", type: "date", precision: "year" },
      { name: "jobs", type: "string" },
    ]);
    expect(typed!.rows[0]).toEqual({ year: new Date("2023-01-01T00:00:00Z"), jobs: "10" });
  });

  it("unpivots a wide table and pivots it back", async () => {
    const queries = await runStoryQueries(
      {
        path: "s.md",
        text: story(sqlBlock("long", "UNPIVOT 'wide.csv' ON COLUMNS(* EXCLUDE country) INTO NAME year VALUE jobs") + sqlBlock("wide", "PIVOT long ON year USING sum(jobs)")),
      },
      { dataFiles: nodeDataFiles(project.data) },
    );
    expect(queries!.results.get(0)!.diagnostics).toEqual([]);
    expect(queries!.results.get(0)!.table!.rows).toHaveLength(4);
    expect(queries!.results.get(1)!.table!.columns.map((c) => c.name)).toEqual(["country", "jobs_2023", "jobs_2024"]);
  });

  it("starts no DuckDB for a story without SQL blocks, and a synchronous compile reports an SQL block it was not given results for", async () => {
    expect(await runStoryQueries({ path: "s.md", text: story("```data id=a\nx\n1\n```\n") }, { dataFiles: nodeDataFiles(project.data) })).toBeUndefined();
    const compiled = compileStory({ path: "s.md", text: story(sqlBlock("a", "SELECT 1 AS x")) }, { dataFiles: nodeDataFiles(project.data) });
    expect(compiled.diagnostics.map((d) => d.code)).toEqual(["sql/not-run"]);
  });
});

describe("SQL blocks: refused", () => {
  const refused = [
    ["COPY (SELECT 1) TO 'out.csv'", "sql/refused-statement 8:1"],
    ["SELECT 1;\nCOPY (SELECT 1) TO 'jobs.csv'", "sql/refused-statement 9:1"],
    ["  -- a comment first\n  INSTALL httpfs", "sql/refused-statement 9:3"],
    ["LOAD httpfs", "sql/refused-statement 8:1"],
    ["ATTACH 'x.db'", "sql/refused-statement 8:1"],
    ["EXPORT DATABASE 'out'", "sql/refused-statement 8:1"],
    ["SET enable_external_access = true", "sql/refused-statement 8:1"],
    ["PRAGMA version", "sql/refused-statement 8:1"],
    ["CALL pragma_version()", "sql/refused-statement 8:1"],
    ["CREATE TABLE t AS SELECT 1", "sql/refused-statement 8:1"],
    ["INSERT INTO jobs VALUES (1, 2)", "sql/refused-statement 8:1"],
    ["UPDATE jobs SET jobs = 0", "sql/refused-statement 8:1"],
    ["DELETE FROM jobs", "sql/refused-statement 8:1"],
    ["DROP TABLE jobs", "sql/refused-statement 8:1"],
    ["SELECT 1; SELECT 2", "sql/not-a-query 8:11"],
    [";", "sql/not-a-query 7:1"],
    [") SELECT 1", "sql/syntax 8:1"],
    ["SELECT 1 AS a, 2 AS a", "data/duplicate-column 8:21"],
    ["SELECT * FROM '/etc/passwd'", "sql/outside-data 8:15"],
    ["SELECT * FROM read_text('/etc/passwd')", "sql/outside-data 8:25"],
    ["SELECT * FROM read_blob('../secret.csv')", "sql/outside-data 8:25"],
    ["SELECT * FROM 'sales/../../secret.csv'", "sql/outside-data 8:15"],
    ["SELECT * FROM 'linked.csv'", "sql/outside-data 8:15"],
    ["SELECT * FROM glob('/etc/*')", "sql/outside-data 8:20"],
    ["SELECT * FROM 'https://example.com/x.csv'", "sql/remote-refused 8:15"],
    ["SELECT * FROM read_parquet('s3://bucket/x.parquet')", "sql/remote-refused 8:28"],
    // Paths made at run time are not rewritten: DuckDB's sandbox refuses them.
    ["SELECT * FROM read_text('/etc/' || 'passwd')", "sql/outside-data 8:25"],
    ["SELECT * FROM read_text(replace('jobs.csv', 'jobs', '../secret'))", "sql/outside-data 8:15"],
    ["SELECT getenv('HOME') AS home", "sql/refused-function 8:8"],
    ["SELECT current_setting('allowed_paths') AS paths", "sql/refused-function 8:8"],
    ["SELECT * FROM duckdb_settings()", "sql/refused-function 8:15"],
    ["SELECT * FROM pragma_database_list()", "sql/refused-function 8:15"],
  ] as const;
  it.each(refused)("%s", async (query, expected) => {
    const compiled = await compileWith(project.data, story(sqlBlock("q", query)));
    expect(where(compiled)).toContain(expected);
    expect(compiled.ok).toBe(false);
  });

  it("never wrote a file", async () => {
    const { existsSync } = await import("node:fs");
    expect(existsSync(join(project.data, "out.csv"))).toBe(false);
    expect(existsSync(join(project.data, "x.db"))).toBe(false);
  });
});

describe("SQL blocks: errors at the token, with DuckDB's candidates", () => {
  it("a misspelt column, with the did-you-mean", async () => {
    const compiled = await compileWith(project.data, story(sqlBlock("q", "SELECT region,\n  sum(amont) AS total\nFROM 'sales.parquet' GROUP BY region")));
    expect(where(compiled)).toEqual(["sql/unknown-column 9:7"]);
    expect(compiled.diagnostics[0]!.message).toContain('Did you mean "amount"?');
  });

  it("a missing file, with the nearest file under data/", async () => {
    const compiled = await compileWith(project.data, story(sqlBlock("q", "SELECT *\nFROM read_csv('job.csv')")));
    expect(where(compiled)).toEqual(["sql/file-not-found 9:15"]);
    expect(compiled.diagnostics[0]!.message).toContain('Did you mean "jobs.csv"?');
  });

  it("a glob that matches nothing", async () => {
    const compiled = await compileWith(project.data, story(sqlBlock("q", "SELECT * FROM 'sales/2025-*.csv'")));
    expect(where(compiled)).toEqual(["sql/file-not-found 8:15"]);
  });

  it("a misspelt table, and an id with '-' written without quotes", async () => {
    const text = story("```data id=region-names\nregion\nNorth\n```\n\n" + sqlBlock("a", "SELECT * FROM regoin_names") + sqlBlock("b", "SELECT *\nFROM region-names"));
    const compiled = await compileWith(project.data, text);
    expect(where(compiled)).toEqual(["sql/unknown-table 13:15", "sql/syntax 18:12"]);
    expect(compiled.diagnostics[0]!.message).toContain('Did you mean "region-names"?');
    expect(compiled.diagnostics[1]!.hint).toContain('"region-names"');
  });

  it("a syntax error", async () => {
    const compiled = await compileWith(project.data, story(sqlBlock("q", "SELECT region\nFROM 'jobs.csv'\nWHER jobs > 1")));
    expect(where(compiled)).toEqual(["sql/syntax 10:6"]);
  });

  it("a LIST column, and a number beyond 2^53", async () => {
    const compiled = await compileWith(
      project.data,
      story(sqlBlock("q", "SELECT [1, 2] AS pair,\n  {'a': 1} AS pairs, 1 AS one") + sqlBlock("r", "SELECT 9007199254740992::BIGINT AS fits,\n  9007199254740993::BIGINT AS big")),
    );
    expect(where(compiled)).toEqual(["sql/unsupported-column-type 8:18", "sql/unsupported-column-type 9:15", "sql/number-too-large 14:31"]);
  });

  it("a runaway query is stopped at the time limit", async () => {
    const compiled = await compileWith(project.data, story(sqlBlock("q", "SELECT count(*) AS n FROM range(100000000) a, range(100000000) b")), { sql: { timeout: 0.2 } });
    expect(where(compiled)).toEqual(["sql/timeout 7:1"]);
  });

  it("stops reading a result past a million rows", async () => {
    const compiled = await compileWith(project.data, story(sqlBlock("q", "SELECT range AS n FROM range(1000001)")));
    expect(where(compiled)).toEqual(["sql/result-too-large 7:1"]);
  });

  it("warns about a result too large to send to readers", async () => {
    const compiled = await compileWith(project.data, story(sqlBlock("q", "SELECT range AS n FROM range(50001)")));
    expect(where(compiled)).toEqual(["sql/large-result 7:1"]);
  });
});

describe("SQL blocks: remote data", () => {
  it("is refused unless plotline.config.mjs allows the address; allowed without httpfs installed, it says so", async () => {
    const query = "SELECT * FROM read_parquet('s3://bucket/prefix/sales.parquet')";
    const refused = await compileWith(project.data, story(sqlBlock("q", query)));
    expect(where(refused)).toEqual(["sql/remote-refused 8:28"]);
    const other = await compileWith(project.data, story(sqlBlock("q", query)), { sql: { remote: ["s3://other-bucket/"] } });
    expect(where(other)).toEqual(["sql/remote-refused 8:28"]);
    const allowed = await compileWith(project.data, story(sqlBlock("q", query)), { sql: { remote: ["s3://bucket/prefix/"] } });
    expect(where(allowed)).toEqual(["sql/remote-unavailable 8:28"]);
    expect(allowed.diagnostics[0]!.message).toContain("httpfs");
  });
});
