/**
 * Stories for the property-based test (tests/engine/property-based.test.ts), generated with fast-check:
 * arbitrary text (any Unicode, control characters, XML and HTML metacharacters, YAML and Markdown syntax,
 * huge and tiny numbers) in every field of a story and of the data files it reads. Mostly tidy enough
 * that charts get drawn (a column of labels, then numbers; channels that name columns), sometimes not.
 */
import fc from "fast-check";

/** One run in this many also draws its PNGs with the real rasterizer (resvg): slower, so not every run. */
export const REAL_RASTER_EVERY = 6;

/** The files of data/ a generated story may read (src=), besides names that are missing or outside. */
export const DATA_FILE_NAMES = ["gen.csv", "gen.json", "gen.yaml", "bytes.csv"];

export interface GeneratedStory {
  text: string;
  files: Record<string, string | Uint8Array>;
  /** Draw PNGs with resvg (else a rasterizer that only keeps the SVG it is given). */
  realRaster: boolean;
  /** Text only where text goes (see Tidy below). */
  tidy: boolean;
}

// ── Text ─────────────────────────────────────────────────────────────────────

/** Characters that mean something to XML, HTML, YAML, CSV, Markdown, directives or Plotline itself. */
const nasty = [
  "&", "&amp;", "&#0;", "&#xD800;", "&lt;", "<", ">", "</svg>", "<script>", "]]>", "<!--", '"', "'", "`", "```", "\\", "/", "%", "%Y", "{", "}",
  "[", "]", "(", ")", ":", ": ", "#", "- ", "---", "*", "!", "|", ",", ";", "=", "~", "${", "__proto__", "constructor",
  "\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\r", "\r\n", "\u000b", "\f", "\u001b", "\u007f", "\u0085", "\u00a0", "\u00ad",
  "\u200b", "\u200d", "\u2028", "\u2029", "\u202e", "\ufeff", "\ufffd", "\ufffe", "\uffff", "\ud800", "\udfff", "\ud83d\ude00",
  "\u{10ffff}", "\u0301", "北京", "人工智能", "ＡＩ", "١٢٣", "NaN", "Infinity", "-0", "1e308", "1e-324", "9007199254740993", "null",
  "true", "javascript:alert(1)", "data:text/html,x", "../../etc/passwd", "%00", ":value[x]",
];

/** Arbitrary text: any code points, graphemes, or runs of the characters above, up to a modest length. */
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...nasty), maxLength: 8 }),
  fc.string({ unit: fc.oneof(fc.constantFrom(...nasty), fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 3 })), maxLength: 12 }),
);

/** The text of a label column: anything, and web addresses (a column that marks link to with href). */
const safeLabelText = fc.oneof(text, fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constantFrom("/stories/x/", "mailto:a@b.c"));
/** Also addresses a page must not link to, which are errors (link/unsafe-scheme): only in wild stories. */
const labelText = fc.oneof(safeLabelText, fc.constantFrom("javascript:alert(1)", "data:image/svg+xml,<svg>"));
const labelRows = (width: number, label: fc.Arbitrary<string>) =>
  fc.array(fc.tuple(label, fc.array(numberText, { minLength: width - 1, maxLength: width - 1 })).map(([first, numbers]) => [first, ...numbers]), { minLength: 1, maxLength: 8 });

/** Numbers as an editor or a spreadsheet may write them, from huge to tiny. */
const numberText = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.constantFrom("1e308", "-1e308", "1e309", "5e-324", "0.1%", "1,234", "-0", "00012", ".5", "1.", "+3", "1e", "12%%", ""),
);

/** A cell, header or value: text or a number. */
const cell = fc.oneof(text, numberText);

/** Mostly `usual`, sometimes `other`. */
const mostly = <T>(usual: fc.Arbitrary<T>, other: fc.Arbitrary<T>, odds = 5) => fc.oneof({ weight: odds, arbitrary: usual }, { weight: 1, arbitrary: other });

/**
 * Half the stories are tidy: arbitrary text, but only where text goes (quoted in YAML, in cells, labels,
 * titles), so that they get through to the drawing, the PNGs and the card. The others are wild: any knob
 * may also be turned to anything (unquoted YAML, bad ids and formats, ragged rows, missing files).
 */
type Tidy = boolean;

/** `usual` in a tidy story; in a wild one, mostly `usual`, sometimes `other`. */
const pick = <T>(tidy: Tidy, usual: fc.Arbitrary<T>, other: fc.Arbitrary<T>, odds = 5): fc.Arbitrary<T> => (tidy ? usual : mostly(usual, other, odds));

/** Text in a YAML document: double-quoted (escapes kept, so the value reaches the engine), in a wild story sometimes written as it is. */
const yamlScalar = (tidy: Tidy, value: fc.Arbitrary<string>) =>
  fc.tuple(value, pick(tidy, fc.constant(true), fc.constant(false), 12)).map(([v, quoted]) => (quoted ? JSON.stringify(v) : v));

/** A Markdown block attribute's value: double-quoted with \" escapes, in a wild story sometimes bare. */
const attributeValue = (tidy: Tidy, value: fc.Arbitrary<string>) =>
  fc.tuple(value, pick(tidy, fc.constant(true), fc.constant(false), 12)).map(([v, quoted]) => (quoted ? `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"` : v));

/** Text that is not blank (a headline, a column name). */
const someText = text.filter((t) => t.trim() !== "");

/** Absent in a tidy story; in a wild one, sometimes present. */
const wildOnly = <T>(tidy: Tidy, value: fc.Arbitrary<T>) => pick<T | null>(tidy, fc.constant(null), value, 6);

// ── Stories ──────────────────────────────────────────────────────────────────

const frontmatter = (tidy: Tidy) =>
  fc
    .record({
      title: yamlScalar(tidy, pick(tidy, someText, text)),
      dek: yamlScalar(tidy, pick(tidy, someText, text)),
      date: pick(tidy, fc.constant("2025-03-21"), yamlScalar(tidy, cell)),
      lang: pick(tidy, fc.constantFrom("en", "zh-CN"), fc.constantFrom("fr", '""', "[en]")),
      authors: fc.array(yamlScalar(tidy, pick(tidy, someText, text)), { maxLength: 3 }),
      tags: fc.array(yamlScalar(tidy, pick(tidy, someText, text)), { maxLength: 3 }),
      sources: fc.array(
        fc.record({ name: yamlScalar(tidy, pick(tidy, someText, text)), url: yamlScalar(tidy, pick(tidy, fc.webUrl(), text)) }),
        { maxLength: 2 },
      ),
      notes: wildOnly(tidy, yamlScalar(tidy, text)),
      updated: fc.option(pick(tidy, fc.constant("2025-03-22"), yamlScalar(tidy, cell)), { freq: 2 }),
      translationOf: wildOnly(tidy, yamlScalar(tidy, text)),
    })
    .map((f) =>
      [
        "---",
        `title: ${f.title}`,
        `dek: ${f.dek}`,
        `date: ${f.date}`,
        `lang: ${f.lang}`,
        `authors: [${f.authors.join(", ")}]`,
        `tags: [${f.tags.join(", ")}]`,
        f.sources.length === 0 ? "sources: []" : "sources:",
        ...f.sources.map((s) => `  - name: ${s.name}\n    url: ${s.url}`),
        ...(f.notes === null ? [] : [`notes: ${f.notes}`]),
        ...(f.updated === null ? [] : [`updated: ${f.updated}`]),
        ...(f.translationOf === null ? [] : [`translationOf: ${f.translationOf}`]),
        "---",
        "",
      ].join("\n"),
    );

/**
 * A table: header names and rows of cells. Tidy: distinct names, a column of labels (text and web
 * addresses), then columns of numbers, every row as wide as the header. Wild: sometimes anything.
 */
const table = (tidy: Tidy) =>
  fc.integer({ min: 1, max: 4 }).chain((width) =>
    fc.record({
      columns: pick(
        tidy,
        // Trimmed, as Plotline reads header names: a chart names the column as the table has it.
        fc.uniqueArray(someText.map((name) => name.trim()), { minLength: width, maxLength: width }),
        fc.array(cell, { minLength: 1, maxLength: 4 }),
      ),
      rows: pick(
        tidy,
        labelRows(width, safeLabelText),
        fc.oneof(labelRows(width, labelText), fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 8 })),
      ),
    }),
  );
type Table = { columns: string[]; rows: string[][] };

const csvField = (value: string, separator: string) =>
  value.includes(separator) || /["\n\r]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;

/** A table written in one of the formats a data block or file can hold (carelessly: without quoting). */
function writeTable({ columns, rows }: Table, format: "csv" | "tsv" | "json" | "yaml", careless: boolean): string {
  if (format === "csv" || format === "tsv") {
    const separator = format === "csv" ? "," : "\t";
    const line = (values: string[]) => values.map((v) => (careless ? v : csvField(v, separator))).join(separator);
    return [line(columns), ...rows.map(line)].join("\n");
  }
  const objects = rows.map((row) => Object.fromEntries(columns.map((name, i) => [name, careless ? (row[i] ?? null) : numberOrText(row[i])])));
  if (format === "json") return JSON.stringify(objects);
  return objects.map((o) => `- ${JSON.stringify(o)}`).join("\n") || "[]";
}

/** A value as JSON would hold it: a number when it is one (so huge and tiny numbers arrive as numbers too). */
const numberOrText = (value: string | undefined): string | number | null => {
  if (value === undefined) return null;
  const n = Number(value);
  return value.trim() !== "" && !Number.isNaN(n) ? n : value;
};

const dataBlock = (tidy: Tidy, id: string) =>
  fc.record({
    id: pick(tidy, fc.constant(id), text),
    format: fc.constantFrom("csv", "tsv", "json", "yaml"),
    writeFormat: fc.boolean(),
    careless: pick(tidy, fc.constant(false), fc.constant(true)),
    table: table(tidy),
    title: fc.option(attributeValue(tidy, text)),
    source: fc.option(attributeValue(tidy, text)),
    types: wildOnly(tidy, attributeValue(tidy, fc.oneof(text, fc.constant("a:number,b:date")))),
    show: fc.boolean(),
    src: wildOnly(tidy, fc.oneof(fc.constantFrom(...DATA_FILE_NAMES, "missing.csv", "../secret.csv"), attributeValue(tidy, text))),
  });
type DataBlock = ReturnType<typeof dataBlock> extends fc.Arbitrary<infer T> ? T : never;

function writeDataBlock(b: DataBlock): string {
  const attributes = [
    `id=${b.id.includes(" ") || b.id === "" ? JSON.stringify(b.id) : b.id}`,
    ...(b.writeFormat ? [`format=${b.format}`] : []),
    ...(b.title === null ? [] : [`title=${b.title}`]),
    ...(b.source === null ? [] : [`source=${b.source}`]),
    ...(b.types === null ? [] : [`types=${b.types}`]),
    ...(b.show ? ["show"] : []),
    ...(b.src === null ? [] : [`src=${b.src}`]),
  ].join(" ");
  const body = b.src === null ? writeTable(b.table, b.writeFormat ? b.format : "csv", b.careless) : "";
  return `\`\`\`data ${attributes}\n${body}\n\`\`\`\n`;
}

/** A column name for a channel: one of the table's (so the chart draws), in a wild story sometimes anything. */
const channel = (tidy: Tidy, columns: string[]) => (columns.length > 0 ? pick(tidy, fc.constantFrom(...columns), text, 12) : text);

const markNames = ["barX", "barY", "dot", "lineY", "areaY", "text", "cell", "tickX", "rectY", "waffleY"] as const;

/** A chart block on the story's first data block, its options and texts generated. */
const chartBlock = (tidy: Tidy, columns: string[], index: number) =>
  fc.record({
    data: pick(tidy, fc.constant("d1"), fc.oneof(fc.constant("d2"), text)),
    id: fc.option(pick(tidy, fc.constant(`chart-${index + 1}`), text)),
    figure: fc.record({
      title: fc.option(yamlScalar(tidy, text)),
      subtitle: fc.option(yamlScalar(tidy, text)),
      alt: fc.option(yamlScalar(tidy, text)),
      note: fc.option(yamlScalar(tidy, text)),
      source: fc.option(yamlScalar(tidy, text)),
    }),
    xLabel: yamlScalar(tidy, text),
    tickFormat: fc.option(yamlScalar(tidy, pick(tidy, fc.constantFrom(".0%", "%Y", "~s", ",.2f", "$.2s"), text))),
    legend: fc.boolean(),
    width: fc.option(pick(tidy, fc.integer({ min: 100, max: 1600 }), fc.oneof(fc.integer({ min: -10, max: 3000 }), fc.double())).map(String), { freq: 3 }),
    marks: fc.array(
      fc.record({
        mark: fc.constantFrom(...markNames),
        x: channel(tidy, columns),
        y: channel(tidy, columns),
        fill: fc.option(channel(tidy, columns)),
        text: channel(tidy, columns),
        fontFamily: yamlScalar(tidy, text),
        // Channels: a column's values become the marks' tooltips, links and labels for screen readers.
        title: fc.option(channel(tidy, columns)),
        href: fc.option(channel(tidy, columns)),
        ariaLabel: fc.option(channel(tidy, columns)),
        ariaDescription: fc.option(yamlScalar(tidy, text)),
        tip: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    rule: fc.option(fc.array(numberText, { minLength: 1, maxLength: 3 })),
  });
type ChartBlock = ReturnType<typeof chartBlock> extends fc.Arbitrary<infer T> ? T : never;

function writeChartBlock(c: ChartBlock): string {
  const info = [`data=${c.data.includes(" ") || c.data === "" ? JSON.stringify(c.data) : c.data}`, ...(c.id === null ? [] : [`id=${JSON.stringify(c.id)}`])];
  const key = (name: string) => JSON.stringify(name);
  const lines = [
    ...Object.entries(c.figure).flatMap(([name, value]) => (value === null ? [] : [`${name}: ${value}`])),
    `x: {label: ${c.xLabel}${c.tickFormat === null ? "" : `, tickFormat: ${c.tickFormat}`}}`,
    `color: {legend: ${c.legend}}`,
    ...(c.width === null ? [] : [`width: ${c.width}`]),
    "marks:",
    ...c.marks.map((m) => {
      const options = [
        `x: ${key(m.x)}`,
        `y: ${key(m.y)}`,
        ...(m.fill === null ? [] : [`fill: ${key(m.fill)}`]),
        // Options only the text mark takes.
        ...(m.mark === "text" ? [`text: ${key(m.text)}`, `fontFamily: ${m.fontFamily}`] : []),
        ...(m.title === null ? [] : [`title: ${key(m.title)}`]),
        ...(m.href === null ? [] : [`href: ${key(m.href)}`]),
        ...(m.ariaLabel === null ? [] : [`ariaLabel: ${key(m.ariaLabel)}`]),
        ...(m.ariaDescription === null ? [] : [`ariaDescription: ${m.ariaDescription}`]),
        ...(m.tip ? ["tip: true"] : []),
      ];
      return `  - ${m.mark}: {${options.join(", ")}}`;
    }),
    ...(c.rule === null ? [] : [`  - ruleY: [${c.rule.map((n) => JSON.stringify(n)).join(", ")}]`]),
  ];
  return `\`\`\`plot ${info.join(" ")}\n${lines.join("\n")}\n\`\`\`\n`;
}

/** Prose with numbers from the data: :value[…] directives with generated names, filters and formats. */
const prose = (tidy: Tidy, columns: string[]) =>
  fc
    .array(
      fc.oneof(
        text,
        fc
          .record({
            path: pick(tidy, channel(tidy, columns).map((c) => `d1.${c}`), text),
            filter: fc.option(fc.tuple(channel(tidy, columns), cell)),
            format: fc.option(pick(tidy, fc.constantFrom(".1%", ",.0f", "compact", "%Y"), text)),
          })
          .map(
            (v) =>
              `:value[${v.path}]${v.filter || v.format !== null ? `{${v.filter ? `${JSON.stringify(v.filter[0])}=${JSON.stringify(v.filter[1])} ` : ""}${v.format !== null ? `format=${JSON.stringify(v.format)}` : ""}}` : ""}`,
          ),
      ),
      { maxLength: 5 },
    )
    .map((parts) => parts.join(" "));

/** A whole story, with the data/ files it may read. */
export const generatedStory: fc.Arbitrary<GeneratedStory> = fc
  .boolean()
  .chain((tidy) => fc.tuple(fc.constant(tidy), dataBlock(tidy, "d1"), fc.option(dataBlock(tidy, "d2"))))
  .chain(([tidy, first, second]) => {
    const columns = first.table.columns;
    return fc.record({
      frontmatter: frontmatter(tidy),
      before: prose(tidy, columns),
      data: fc.constant([first, ...(second ? [second] : [])]),
      charts: fc.tuple(chartBlock(tidy, columns, 0), fc.option(chartBlock(tidy, columns, 1))),
      after: prose(tidy, columns),
      files: fc.record({ table: table(tidy), careless: fc.boolean(), bytes: fc.uint8Array({ maxLength: 64 }) }),
      realRaster: fc.nat({ max: REAL_RASTER_EVERY - 1 }).map((n) => n === 0),
      tidy: fc.constant(tidy),
    });
  })
  .map((s) => ({
    text: [s.frontmatter, s.before, "", ...s.data.map(writeDataBlock), ...s.charts.filter((c) => c !== null).map(writeChartBlock), s.after, ""].join("\n"),
    files: {
      "gen.csv": writeTable(s.files.table, "csv", s.files.careless),
      "gen.json": writeTable(s.files.table, "json", s.files.careless),
      "gen.yaml": writeTable(s.files.table, "yaml", s.files.careless),
      "bytes.csv": s.files.bytes,
    },
    realRaster: s.realRaster,
    tidy: s.tidy,
  }));
