/**
 * The catalogue of every problem Plotline reports. Codes are permanent: editors search for them,
 * tools match on them, and the docs link to them. Add new codes; never rename or reuse one.
 */
import { utcFormat } from "d3-time-format";

export type Severity = "error" | "warning";

export interface CatalogEntry<Params> {
  severity: Severity;
  /** A short name for the docs and for tools. */
  title: string;
  /** What happened, in the editor's terms. */
  message: (params: Params) => string;
  /** What to do about it. */
  hint: (params: Params) => string;
}

const entry = <Params = Record<string, never>>(e: CatalogEntry<Params>): CatalogEntry<Params> => e;
const quote = (s: string) => `"${s}"`;
const list = (items: readonly string[], max = 8) =>
  items.length > max ? `${items.slice(0, max).map(quote).join(", ")}, …` : items.map(quote).join(", ");
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** 21 March 2025 at 14:30, written with a d3-time-format specifier, for hints. */
const exampleDate = (specifier: string) => utcFormat(specifier)(new Date(Date.UTC(2025, 2, 21, 14, 30)));
/** An expression as messages quote it: whole when it fits a line, else its start. */
const formula = (text: string) => (text.length > 80 ? `${text.slice(0, 60)}…` : text);

export const catalog = {
  // ── Stories and frontmatter ────────────────────────────────────────────────
  "story/no-frontmatter": entry({
    severity: "error",
    title: "Story has no frontmatter",
    message: () => "This story does not start with a frontmatter block.",
    hint: () => 'Begin the file with a block between two "---" lines holding at least title, dek and date.',
  }),
  "story/frontmatter-syntax": entry<{ detail: string }>({
    severity: "error",
    title: "Frontmatter is not valid YAML",
    message: (p) => `The frontmatter could not be read: ${p.detail}.`,
    hint: () => 'Write one "key: value" per line; put values that contain ": " or start with a quote or bracket in double quotes.',
  }),
  "story/frontmatter-unclosed": entry({
    severity: "error",
    title: "Frontmatter is not closed",
    message: () => 'The frontmatter starts with "---" but no closing "---" line follows.',
    hint: () => 'Add a line with just "---" after the last frontmatter key.',
  }),
  "story/missing-key": entry<{ key: string; example: string }>({
    severity: "error",
    title: "Required frontmatter key is missing",
    message: (p) => `The frontmatter has no "${p.key}".`,
    hint: (p) => `Add a line such as: ${p.example}`,
  }),
  "story/unknown-key": entry<{ key: string; suggestion: string; known: readonly string[] }>({
    severity: "error",
    title: "Unknown frontmatter key",
    message: (p) => `"${p.key}" is not a frontmatter key Plotline knows.${p.suggestion}`,
    hint: (p) => `The keys are ${list(p.known, 20)}.`,
  }),
  "story/invalid-value": entry<{ key: string; problem: string; example: string }>({
    severity: "error",
    title: "Frontmatter value has the wrong form",
    message: (p) => `The value of "${p.key}" ${p.problem}.`,
    hint: (p) => `For example: ${p.example}`,
  }),
  "story/encoding": entry<{ encoding: string }>({
    severity: "warning",
    title: "Story file is not saved as UTF-8",
    message: (p) => `This story file is saved as ${p.encoding}, not UTF-8; Plotline read it as ${p.encoding}.`,
    hint: () => "Save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8; in VS Code: click the encoding in the status bar → Save with Encoding → UTF-8).",
  }),
  "story/not-utf8": entry<{ detail: string }>({
    severity: "error",
    title: "Story file cannot be read as text",
    message: (p) => `This story file is not UTF-8 text: ${p.detail}.`,
    hint: () => "Save the story as UTF-8 text from your editor (Save As → Encoding: UTF-8), and keep images and documents out of content/stories/.",
  }),
  // Control characters are replaced where files are read (src/engine/story/control-characters.ts): a
  // warning, not an error, since the build can go on without them and they are invisible in most editors.
  "story/control-character": entry<{ character: string; count: number; lineBreak: boolean; escaped?: boolean }>({
    severity: "warning",
    title: "Invisible control character in a story",
    message: (p) =>
      p.escaped
        ? `This value holds the control character ${p.character}, written as an escape${p.count > 1 ? ` (${p.count} times in this block)` : ""}; charts, feeds and images cannot hold it, so Plotline leaves it out.`
        : `This story holds the invisible control character ${p.character}${p.count > 1 ? ` ${p.count} times` : ""}; charts, feeds and images cannot hold it, so Plotline reads ${p.count > 1 ? "each" : "it"} as a space.`,
    hint: (p) =>
      p.escaped
        ? 'Remove the escape ("\\x01", "\\u0001" or the like) from the quoted value.'
        : p.lineBreak
          ? "Some spreadsheets write it for a line break inside a cell. Delete it, or put a space or a line break there yourself (in VS Code: search with the regular expression \\v or \\f)."
          : "It usually comes with text pasted from a PDF, a spreadsheet or a terminal. Delete it (in VS Code: search with the regular expression [\\x00-\\x08\\x0e-\\x1f]).",
  }),
  "story/too-large": entry<{ size: string; limit: string }>({
    severity: "error",
    title: "Story file is too large",
    message: (p) => `This story file is ${p.size}; Plotline reads stories of up to ${p.limit}, so it was not read.`,
    hint: () =>
      "A story this size is nearly always data pasted into it: move the data into a file under data/, aggregated to what the charts show, and read it with ```data src=\"file.csv\".",
  }),
  "story/too-deep": entry<{ depth: number; limit: number }>({
    severity: "error",
    title: "Markdown nested too deeply",
    message: (p) =>
      `This line nests ${p.depth} levels of blockquotes, lists, emphasis or links inside each other; Plotline reads up to ${p.limit}, so what is nested deeper was left out.`,
    hint: () =>
      "Take out the extra \">\" markers, list indentation or * and _ around the text: a quote in a quote, or a list in a list, is rarely more than a few levels deep.",
  }),
  "story/invalid-slug": entry<{ name: string; suggestion: string }>({
    severity: "error",
    title: "Story file name cannot be a web address",
    message: (p) => `The file name "${p.name}" becomes the story's address, and it may only hold lowercase letters a–z, digits and "-".`,
    hint: (p) => `Rename the file, for example to "${p.suggestion}.md".`,
  }),
  "story/slug-too-long": entry<{ length: number; max: number; suggestion: string }>({
    severity: "error",
    title: "Story file name is too long",
    message: (p) =>
      `The file name is ${p.length} characters long without ".md"; it names the story's page and files, and may have at most ${p.max}.`,
    hint: (p) => `Rename the file to a few words, for example "${p.suggestion}.md".`,
  }),
  // translationOf is checked against the other stories of the project (src/engine/project/translations.ts).
  // Both are errors: a page would otherwise link readers to a story that is not there, or offer "Read in
  // English" on an English page, or Plotline would have to pick one of two translations at random.
  "story/unknown-translation": entry<{ slug: string; suggestion: string }>({
    severity: "error",
    title: "Translation names no story",
    message: (p) => `translationOf names "${p.slug}", but no story in content/stories/ has that name.${p.suggestion}`,
    hint: () =>
      'Write the file name of the story in the other language without ".md" (for content/stories/ai-jobs-zh.md: translationOf: ai-jobs-zh), or remove the line.',
  }),
  "story/translation-mismatch": entry<{ slug: string; detail: string }>({
    severity: "error",
    title: "Translation cannot be linked",
    message: (p) => `"${p.slug}" cannot be this story's translation: ${p.detail}.`,
    hint: () =>
      "A story has at most one translation, in the other language (en or zh-CN). The link goes both ways, so one of the two stories naming the other is enough; correct or remove this translationOf.",
  }),

  // Story files Plotline finds in content/stories/ but does not build (src/engine/project/story-files.ts):
  // warnings, so that a story is never left out of the site in silence.
  "story/markdown-extension": entry<{ path: string; rename: string }>({
    severity: "warning",
    title: "Story file does not end in .md",
    message: (p) => `${p.path} is not built: Plotline builds only story files whose names end in ".md".`,
    hint: (p) => `Rename it to ${p.rename} to publish it.`,
  }),
  "story/in-subfolder": entry<{ path: string; moveTo: string }>({
    severity: "warning",
    title: "Story file in a folder inside content/stories/",
    message: (p) => `${p.path} is not built: Plotline builds only the stories directly in content/stories/, not those in folders inside it.`,
    hint: (p) =>
      `Move it to ${p.moveTo} to publish it (the file name is the story's address, so it must differ from every other story's), or move it out of content/stories/ if it is not a story.`,
  }),
  "story/link-not-followed": entry<{ path: string; target: string; reason: "outside" | "broken" | "not-a-file" }>({
    severity: "warning",
    title: "Story file is a link Plotline does not follow",
    message: (p) =>
      `${p.path} is not built: it is a symbolic link ${
        p.reason === "outside"
          ? `to ${p.target}, outside the project, and Plotline reads no file outside the project`
          : p.reason === "broken"
            ? `to ${p.target}, which does not exist (or is a loop of links)`
            : `to ${p.target}, which is not a file`
      }.`,
    hint: (p) =>
      p.reason === "outside"
        ? "Copy the story into content/stories/ instead of linking to it (a link to a file inside the project is fine)."
        : "Correct the link, or remove it.",
  }),

  // ── Block info strings (```data …, ```plot …) ──────────────────────────────
  "block/attribute-syntax": entry<{ detail: string }>({
    severity: "error",
    title: "Block attributes cannot be read",
    message: (p) => `The attributes after the block's language cannot be read: ${p.detail}.`,
    hint: () => 'Write attributes as name=value separated by spaces; quote values with spaces: src="my file.csv".',
  }),
  "block/unknown-attribute": entry<{ block: string; name: string; suggestion: string; known: readonly string[] }>({
    severity: "error",
    title: "Unknown block attribute",
    message: (p) => `A ${p.block} block has no attribute "${p.name}".${p.suggestion}`,
    hint: (p) => `The attributes of a ${p.block} block are ${list(p.known)}.`,
  }),
  "block/unknown-kind": entry<{ lang: string; meant: "plot" | "data" }>({
    severity: "warning",
    title: "Code block that looks like a chart or data block",
    message: (p) =>
      `This block starts with \`\`\`${p.lang}, which Plotline does not know, so it is shown as code on the page instead of ${p.meant === "plot" ? "drawn as a chart" : "read as data"}.`,
    hint: (p) =>
      `Chart blocks start with \`\`\`plot and data blocks with \`\`\`data, in lowercase: write \`\`\`${p.meant}. If you meant to show code, ignore this warning.`,
  }),
  "block/duplicate-attribute": entry<{ name: string }>({
    severity: "error",
    title: "Block attribute given twice",
    message: (p) => `The attribute "${p.name}" is given more than once.`,
    hint: () => "Keep one of them.",
  }),
  "block/unclosed-fence": entry<{ kind: string; fence: string; lastLine: number; swallowed?: number; closeAfter: number }>({
    severity: "error",
    title: "Block is not closed",
    message: (p) =>
      p.swallowed !== undefined
        ? `This ${p.kind} block is not closed before the block on line ${p.swallowed} starts, so everything up to line ${p.lastLine} is read as part of this block, and the block on line ${p.swallowed} is lost.`
        : p.lastLine > p.closeAfter
          ? `This ${p.kind} block is never closed, so everything after it, up to line ${p.lastLine}, is read as part of the block and left out of the page.`
          : `This ${p.kind} block is never closed.`,
    hint: (p) => `Add a line with just ${p.fence} after line ${p.closeAfter}, where the block's ${p.kind === "plot" ? "chart spec" : "data"} ends.`,
  }),

  // ── Data blocks ────────────────────────────────────────────────────────────
  "data/missing-id": entry({
    severity: "error",
    title: "Data block has no id",
    message: () => "This data block has no id, so no chart can refer to it.",
    hint: () => "Name it after the language, e.g. ```data id=salaries",
  }),
  "data/invalid-id": entry<{ id: string; suggestion: string }>({
    severity: "error",
    title: "Data block id has the wrong form",
    message: (p) => `The id "${p.id}" may only hold lowercase letters a–z, digits and "-", and must start with a letter.`,
    hint: (p) => `Use for example id=${p.suggestion}`,
  }),
  "data/duplicate-id": entry<{ id: string; firstLine: number }>({
    severity: "error",
    title: "Two data blocks share an id",
    message: (p) => `Another data block in this story (line ${p.firstLine}) already has the id "${p.id}".`,
    hint: () => "Give each data block its own id.",
  }),
  "data/unknown-format": entry<{ format: string; suggestion: string }>({
    severity: "error",
    title: "Unknown data format",
    message: (p) => `"${p.format}" is not a data format Plotline reads.${p.suggestion}`,
    hint: () => "Use format=csv (the default), tsv, json, yaml, geojson or topojson (shapes for maps), or sql for a query.",
  }),
  "data/src-and-body": entry<{ src: string }>({
    severity: "error",
    title: "Data block has both a file and a body",
    message: (p) => `This block reads "${p.src}" from data/, but it also has rows of its own.`,
    hint: () => "Remove the rows inside the block, or remove src= to use them instead of the file.",
  }),
  "data/src-outside-data": entry<{ src: string }>({
    severity: "error",
    title: "Data file is outside data/",
    message: (p) => `"${p.src}" points outside the data/ folder.`,
    hint: () => 'Put the file in data/ and give its path from there, e.g. src="jobs/2025.csv".',
  }),
  "data/src-not-found": entry<{ src: string; suggestion: string }>({
    severity: "error",
    title: "Data file not found",
    message: (p) => `There is no file "data/${p.src}".${p.suggestion}`,
    hint: () => "Check the spelling and the folder; paths are relative to data/ and case-sensitive.",
  }),
  "data/src-unknown-extension": entry<{ src: string }>({
    severity: "error",
    title: "Data file type unknown",
    message: (p) => `Plotline cannot tell the format of "${p.src}" from its extension.`,
    hint: () => "Use a .csv, .tsv, .json, .yaml or .yml file, or add format= to the block.",
  }),
  "data/empty": entry({
    severity: "error",
    title: "Data block is empty",
    message: () => "This data block has no data.",
    hint: () => "Add a header line and at least one row, or point src= at a file under data/.",
  }),
  "data/syntax": entry<{ format: string; detail: string }>({
    severity: "error",
    title: "Data cannot be read",
    message: (p) => `The ${p.format.toUpperCase()} data cannot be read: ${p.detail}.`,
    hint: (p) =>
      p.format === "json"
        ? 'JSON needs double quotes around names and text, and commas between items: [{"city": "Beijing", "share": 0.33}]'
        : p.format === "yaml"
          ? 'Write a list of rows ("- city: Beijing") or named values ("growth: 22.5%"), indented with spaces.'
          : "Check for a quote that is opened but never closed.",
  }),
  "data/ragged-row": entry<{ expected: number; found: number; more?: number }>({
    severity: "error",
    title: "Row has the wrong number of cells",
    message: (p) =>
      `This row has ${plural(p.found, "cell")}, but the header has ${plural(p.expected, "column")}.` +
      (p.more ? ` ${plural(p.more, "more row")} below it have the wrong number of cells too; they are not listed one by one.` : ""),
    hint: () => 'Check for a missing or extra separator; a value that contains a comma needs double quotes: "1,000".',
  }),
  "data/duplicate-column": entry<{ column: string }>({
    severity: "error",
    title: "Two columns share a name",
    message: (p) => `The column "${p.column}" appears more than once in the header.`,
    hint: () => "Give each column its own name.",
  }),
  "data/empty-column-name": entry<{ index: number }>({
    severity: "error",
    title: "Column has no name",
    message: (p) => `Column ${p.index} has an empty name in the header.`,
    hint: () => "Give every column a name in the first line.",
  }),
  "data/not-a-table": entry<{ format: string; found: string }>({
    severity: "error",
    title: "Data is neither a table nor named values",
    message: (p) => `The ${p.format.toUpperCase()} data is ${p.found}, but Plotline needs a list of rows or a set of named values.`,
    hint: () => 'Write a list of rows ([{"year": 2021, "growth": 2.82}]) or named values ({"growth": 0.225}).',
  }),
  "data/unknown-type": entry<{ column: string; type: string }>({
    severity: "error",
    title: "Unknown column type",
    message: (p) => `"${p.type}" is not a column type (given for "${p.column}").`,
    hint: () => 'Use types="column:number", "column:date", "column:string" or "column:boolean".',
  }),
  "data/type-unknown-column": entry<{ column: string; suggestion: string }>({
    severity: "error",
    title: "Type given for a column that does not exist",
    message: (p) => `types= names the column "${p.column}", which this data does not have.${p.suggestion}`,
    hint: () => "Use the column names of the header line.",
  }),
  "data/bad-typed-value": entry<{ column: string; type: string; value: string; format?: string }>({
    severity: "error",
    title: "Value does not fit its column type",
    message: (p) => `The column "${p.column}" is typed as ${p.format === undefined ? p.type : `${p.type}(${p.format})`}, but holds "${p.value}".`,
    hint: (p) =>
      p.type === "date"
        ? p.format === undefined
          ? `Write dates as 2025, 2025-03 or 2025-03-21, or give the way they are written: types="${p.column}:date(%b-%Y)" reads Jan-1992.`
          : `Every value must be written as the format says and name a date that exists (${p.format} reads dates such as ${exampleDate(p.format)}); leave the cell empty if it has no date.`
        : p.type === "boolean"
          ? "Write true or false, or leave the cell empty."
          : "Write numbers with a dot for decimals: 1234.5, 22.5%, $1,234.50, (1,234). Leave the cell empty if it has no value.",
  }),
  "data/mixed-column": entry<{ column: string; type: "number" | "date"; value: string; cells: number }>({
    severity: "warning",
    title: "Column is read as text because of a few cells",
    message: (p) =>
      `The column "${p.column}" holds ${p.type === "number" ? "numbers" : "dates"}, but ${p.cells === 1 ? "one cell holds" : `${p.cells} cells hold`} text such as "${p.value}", so the whole column is read as text.`,
    hint: (p) =>
      `If "${p.value}" means no value, empty those cells or list it with missing= on the block (missing="NA,${p.value}"). To keep the column as text on purpose, add types="${p.column}:string".`,
  }),
  "data/missing-values": entry<{ columns: readonly { column: string; count: number }[]; markers: readonly string[] }>({
    severity: "warning",
    title: "Cells read as missing values",
    message: (p) => {
      const total = p.columns.reduce((sum, c) => sum + c.count, 0);
      const where = p.columns.map((c) => `"${c.column}" ${c.count}`).join(", ");
      return `${plural(total, "cell")} holding ${list(p.markers)} ${total === 1 ? "is" : "are"} read as missing values, so charts leave them out (${where}).`;
    },
    hint: (p) =>
      `Nothing to do if they have no value. To list yourself which texts mean a missing value (instead of Plotline's list, and without this note), add missing="${p.markers.join(",")}" to the block; missing="" reads them as text.`,
  }),
  "data/missing-syntax": entry({
    severity: "error",
    title: "missing= has no value",
    message: () => "The missing= attribute has no value.",
    hint: () => 'List the texts that mean a missing value, separated by commas: missing="NA,-". missing="" means none (only empty cells are missing).',
  }),
  "data/bad-date-format": entry<{ column: string; format: string; problem: string }>({
    severity: "error",
    title: "Date format cannot be read",
    message: (p) => `The date format "${p.format}" given for "${p.column}" cannot read dates: ${p.problem}.`,
    hint: () =>
      'Write the format with d3-time-format directives: %Y year, %m month number, %b month name (Jan), %d day, %H:%M time. For example types="month:date(%b-%Y)" reads Jan-1992, date(%m/%d/%Y) reads 03/21/2025.',
  }),
  "data/types-syntax": entry<{ detail: string }>({
    severity: "error",
    title: "types= cannot be read",
    message: (p) => `The types= attribute cannot be read: ${p.detail}.`,
    hint: () => 'Write a column name, a colon and a type, separated by commas: types="year:date,fips:string".',
  }),
  "data/encoding": entry<{ src: string; detail: string }>({
    severity: "error",
    title: "Data file is not UTF-8 text",
    message: (p) => `"${p.src}" is not saved as UTF-8 text (${p.detail}), so its letters would come out garbled.`,
    hint: () => 'Save it again as UTF-8: in Excel, "Save As" › "CSV UTF-8"; in a text editor, choose the UTF-8 encoding.',
  }),
  "data/other-encoding": entry<{ path: string; encoding: "GB18030" | "UTF-16" }>({
    severity: "warning",
    title: "Data file is not UTF-8 and was read in another encoding",
    message: (p) =>
      p.encoding === "GB18030"
        ? `"${p.path}" is not saved as UTF-8 but as Chinese GB18030 (GBK), as Excel saves CSV files on Chinese Windows; Plotline read it as GB18030.`
        : `"${p.path}" is saved as UTF-16 (Excel's "Unicode Text"), not UTF-8; Plotline read it as UTF-16.`,
    hint: (p) =>
      `Save it again as UTF-8, so that every tool reads it the same way: in Excel, "Save As" › "CSV UTF-8 (Comma delimited)"; in WPS or a text editor, choose the encoding UTF-8 when saving; or run: iconv -f ${p.encoding} -t UTF-8 ${p.path} > utf8.csv and put utf8.csv in its place.`,
  }),
  "data/control-character": entry<{ path: string; character: string; count: number; lineBreak: boolean }>({
    severity: "warning",
    title: "Invisible control character in a data file",
    message: (p) =>
      `"${p.path}" holds the invisible control character ${p.character}${p.count > 1 ? ` ${p.count} times` : ""}; charts, feeds and images cannot hold it, so Plotline reads ${p.count > 1 ? "each" : "it"} as a space.`,
    hint: (p) =>
      p.lineBreak
        ? "Some spreadsheets (Excel for Mac, FileMaker) write it for a line break inside a cell. Take the line breaks out of those cells in the spreadsheet and export the file again, or replace the character with a space in a text editor."
        : "It usually comes from the system the data was exported from. Delete it in a text editor, or clean the column in the spreadsheet (Excel: =CLEAN(A2)) and export the file again.",
  }),
  "data/not-text": entry<{ path: string; what: string; spreadsheet: boolean }>({
    severity: "error",
    title: "Data file is not text",
    message: (p) => `"${p.path}" is not a text file: it is ${p.what}.`,
    hint: (p) =>
      p.spreadsheet
        ? 'Open it in Excel or WPS and save the sheet with "Save As" › "CSV UTF-8 (Comma delimited)" into data/, then point src= at the .csv file.'
        : "Data files are CSV, TSV, JSON or YAML text. Point src= at such a file, or export the data to CSV first.",
  }),
  "data/too-large": entry<{ path?: string; size: string; limit: string }>({
    severity: "error",
    title: "Data is too large",
    message: (p) =>
      p.path === undefined
        ? `This data block is ${p.size}; Plotline reads data of up to ${p.limit}, written in a story or in a file, so that builds stay fast and pages stay light.`
        : `"${p.path}" is ${p.size}; Plotline reads data files of up to ${p.limit}, so that builds stay fast and pages stay light.`,
    hint: (p) =>
      p.path === undefined
        ? "Reduce the data to what the chart shows: aggregate it (one row per bar, point or date, e.g. sums per month) or take a sample, save that under data/ and read it with src=, and keep the full data elsewhere."
        : "Reduce the data to what the chart shows before putting it in data/: aggregate it (one row per bar, point or date, e.g. sums per month) or take a sample, and keep the full file elsewhere.",
  }),
  "data/src-is-directory": entry<{ path: string; example: string }>({
    severity: "error",
    title: "Data source is a folder",
    message: (p) => `"${p.path}" is a folder, not a file.`,
    hint: (p) => `Name a file inside it, e.g. src="${p.example}".`,
  }),
  "data/src-unreadable": entry<{ path: string; reason: string }>({
    severity: "error",
    title: "Data file cannot be read",
    message: (p) => `"${p.path}" cannot be read: it is ${p.reason}.`,
    hint: () => "Put the data file itself (a plain file, not a link) in data/ and point src= at it.",
  }),
  "data/unused-column": entry<{ data: string; columns: readonly string[] }>({
    severity: "warning",
    title: "Data column no chart or number uses",
    message: (p) =>
      p.columns.length === 1
        ? `The column "${p.columns[0]}" of data "${p.data}" is not used by any chart or number in this story.`
        : `The columns ${list(p.columns, 12)} of data "${p.data}" are not used by any chart or number in this story.`,
    hint: () => "Leave it out of the block, or use it. (Data files under data/ and blocks marked show may keep columns no chart draws.)",
  }),
  "data/dates-as-text": entry<{ column: string; value: string; format: string }>({
    severity: "warning",
    title: "Dates read as text",
    message: (p) =>
      `The column "${p.column}" holds dates written like "${p.value}", which Plotline reads as text: charts put its values in alphabetical order, not in time, and lines join them in that order.`,
    hint: (p) => `To read them as dates, add types="${p.column}:date(${p.format})" to the data block (every value fits that format). To keep them as text, add types="${p.column}:string".`,
  }),
  "data/large-inline-block": entry<{ id: string; rows: number; size: string; rowLimit: number; sizeLimit: string; extension: string }>({
    severity: "warning",
    title: "Large data block inside a story",
    message: (p) =>
      `This data block holds ${plural(p.rows, "row")} (${p.size}) inside the story; blocks of more than ${p.rowLimit} rows or ${p.sizeLimit} make a story hard to read and edit.`,
    hint: (p) =>
      `Move the rows into a file and read it from there: save them as data/${p.id}.${p.extension} and write \`\`\`data id=${p.id} src="${p.id}.${p.extension}" with nothing inside the block.`,
  }),

  // ── Shapes for maps (GeoJSON, TopoJSON, base maps) ────────────────────────
  "map/not-shapes": entry<{ format: string; detail: string }>({
    severity: "error",
    title: "Not shapes Plotline can draw",
    message: (p) => `This ${p.format} data is not shapes Plotline can draw: it is ${p.detail}.`,
    hint: () =>
      'A GeoJSON file is a "FeatureCollection" of features, each with a "geometry" (Polygon, MultiPolygon, Point, …) and "properties"; a TopoJSON file is a "Topology". Export the map again as GeoJSON from your GIS tool or mapshaper.',
  }),
  "map/choose-object": entry<{ objects: readonly string[] }>({
    severity: "error",
    title: "TopoJSON holds several objects",
    message: (p) => `This TopoJSON holds ${plural(p.objects.length, "set")} of shapes (${list(p.objects)}) and the block does not say which to draw.`,
    hint: (p) => `Add object= to the block's first line, e.g. object=${p.objects[0] ?? "states"}.`,
  }),
  "map/unknown-object": entry<{ object: string; objects: readonly string[]; suggestion: string }>({
    severity: "error",
    title: "No such object in the TopoJSON",
    message: (p) => `This TopoJSON has no object "${p.object}".${p.suggestion}`,
    hint: (p) => `Its objects are ${list(p.objects)}: name one of them with object=.`,
  }),
  "map/object-without-topojson": entry<{ format: string }>({
    severity: "warning",
    title: "object= on data that is not TopoJSON",
    message: (p) => `object= only chooses a set of shapes in TopoJSON; this data is ${p.format}, so it is not used.`,
    hint: () => "Remove object=, or read a TopoJSON file (format=topojson).",
  }),
  "map/not-degrees": entry<{ detail: string }>({
    severity: "error",
    title: "Coordinates are not longitude and latitude",
    message: (p) => `The shapes' coordinates are not longitude and latitude in degrees: ${p.detail}. The file is probably in a projected system (metres), which maps cannot place.`,
    hint: () =>
      "Export it again in WGS 84 (EPSG:4326), the system GeoJSON uses: in QGIS, Export → Save Features As with CRS EPSG:4326; in mapshaper, -proj wgs84.",
  }),
  "map/unknown-basemap": entry<{ name: string; suggestion: string; known: readonly string[] }>({
    severity: "error",
    title: "Unknown base map",
    message: (p) => `"${p.name}" is not a base map Plotline ships.${p.suggestion}`,
    hint: (p) => `The base maps are ${list(p.known, 12)}. For other places, save a GeoJSON file under data/ and read it with src=.`,
  }),
  "map/basemap-and-src": entry<{ other: string }>({
    severity: "error",
    title: "Base map with other data",
    message: (p) => `This block reads a base map, but it also has ${p.other}.`,
    hint: () => "A base map is the block's whole data: remove the other, or put it in a block of its own and join the two (see Maps in the authoring guide).",
  }),
  "map/basemap-not-approved-in-china": entry<{ name: string }>({
    severity: "warning",
    title: "World base map in a Chinese story",
    message: (p) =>
      `This story is in Chinese and draws the base map "${p.name}" (Natural Earth's boundaries). Maps published in mainland China must be officially approved (审图号), and this one is not.`,
    hint: () => "Use an approved map of your own: save its GeoJSON under data/ and read it with src= (see Maps in the authoring guide).",
  }),
  "map/join-unknown-data": entry<{ id: string; suggestion: string; known: readonly string[] }>({
    severity: "error",
    title: "join= names no data block",
    message: (p) => `join=${p.id} names no data block of this story.${p.suggestion}`,
    hint: (p) =>
      p.known.length === 0
        ? "join= names the id of another data block of the story (its table is added to these shapes): add that block, or remove join=."
        : `The story's other data blocks are ${list(p.known, 12)}: name the table to add to these shapes.`,
  }),
  "map/join-not-shapes": entry<{ id: string; table: string; tableIsShapes: boolean }>({
    severity: "error",
    title: "join= on a block that is not shapes",
    message: (p) => `The data "${p.id}" is not shapes, so join= cannot add the table "${p.table}" to it.`,
    hint: (p) =>
      p.tableIsShapes
        ? `join= goes on the block of shapes: move it to the block of "${p.table}", as join=${p.id}, with on= naming the column of each side.`
        : "join= goes on a block of shapes (basemap=, a GeoJSON or TopoJSON file) and names the table whose rows are added to them.",
  }),
  "map/join-itself": entry<{ id: string }>({
    severity: "error",
    title: "Shapes joined to themselves",
    message: (p) => `join=${p.id} names this block itself; a table of shapes cannot be joined to itself.`,
    hint: () => "Name the id of the table whose rows are added to these shapes: another data block of the story.",
  }),
  "map/join-without-on": entry<{ table: string; shapesColumns: readonly string[]; tableColumns: readonly string[] }>({
    severity: "error",
    title: "join= without on=",
    message: (p) => `These shapes are joined to "${p.table}", but the block does not say which columns match (on=).`,
    hint: (p) =>
      `Add on="<shapes column> = <table column>" (or on=<name> when both sides call it the same). The shapes' columns are ${p.shapesColumns.length === 0 ? "none" : list(p.shapesColumns, 12)}; the columns of "${p.table}" are ${list(p.tableColumns, 12)}.`,
  }),
  "map/join-on-form": entry<{ written: string }>({
    severity: "error",
    title: "on= cannot be read",
    message: (p) => `on="${p.written}" does not name one column of the shapes and one column of the table.`,
    hint: () => 'Write on="<shapes column> = <table column>", e.g. on="iso3 = code", or on=name when both sides have a column "name".',
  }),
  "map/join-unknown-column": entry<{ column: string; side: "shapes" | "table"; id: string; suggestion: string; known: readonly string[] }>({
    severity: "error",
    title: "Join column not found",
    message: (p) => `${p.side === "shapes" ? `The shapes "${p.id}" have` : `The table "${p.id}" has`} no column "${p.column}" to join on.${p.suggestion}`,
    hint: (p) =>
      `on= names the shapes' column first, then the table's: on="<shapes column> = <table column>". The columns of ${p.side === "shapes" ? "the shapes" : `"${p.id}"`} are ${p.known.length === 0 ? "none" : list(p.known, 12)}.`,
  }),
  "map/join-duplicate-key": entry<{ table: string; shape: string; first: string; second: string }>({
    severity: "error",
    title: "Two rows for one shape",
    message: (p) => `Two rows of "${p.table}" match the shape "${p.shape}": ${p.first} and ${p.second}. A shape takes one row.`,
    hint: () =>
      "Keep one row per shape: remove the repeated row, or sum or filter the rows first (a SQL block can GROUP BY the key). Keys that differ only in case, accents, spaces or leading zeros count as the same.",
  }),
  "map/join-unmatched-rows": entry<{ table: string; count: number; rows: readonly string[]; shapesWithoutRows: readonly string[]; better?: string; on: string }>({
    severity: "warning",
    title: "Rows that match no shape",
    message: (p) =>
      `${plural(p.count, "row")} of "${p.table}" ${p.count === 1 ? "matches" : "match"} no shape, so ${p.count === 1 ? "its values are" : "their values are"} not on the map: ${p.rows.join("; ")}${p.count > p.rows.length ? `; and ${p.count - p.rows.length} more` : ""}.${p.shapesWithoutRows.length > 0 ? ` Shapes without a row: ${list(p.shapesWithoutRows, 12)}.` : ""}`,
    hint: (p) =>
      p.better !== undefined
        ? `These keys look like the shapes' column "${p.better}": join on it with on="${p.better} = ${p.on}".`
        : "Spell the keys as the shapes do (case, accents, spaces and leading zeros do not matter), or join on a code both sides have, such as iso3 for countries or postal for US states. Rows for places the map does not have can stay.",
  }),
  "map/join-nothing-matched": entry<{ table: string; count: number; column: string; examples: readonly string[]; shapesExamples: readonly string[]; better?: string; on: string }>({
    severity: "error",
    title: "No row matches a shape",
    message: (p) =>
      `None of the ${plural(p.count, "row")} of "${p.table}" matches a shape: its keys (${list(p.examples, 3)}) are not values of the shapes' column "${p.column}" (${list(p.shapesExamples, 3)}).`,
    hint: (p) =>
      p.better !== undefined
        ? `The keys look like the shapes' column "${p.better}": join on it with on="${p.better} = ${p.on}".`
        : "Check that on= names the right column on each side: the shapes' column first, then the table's.",
  }),
  "map/join-column-renamed": entry<{ column: string; table: string; renamed: string; shapesType: string; tableType: string }>({
    severity: "warning",
    title: "Joined column renamed",
    message: (p) =>
      `The shapes and the table "${p.table}" both have a column "${p.column}", of different types (${p.shapesType} and ${p.tableType}), so the table's is named "${p.renamed}" in the joined data.`,
    hint: (p) => `Use "${p.renamed}" in charts for the table's values, or rename one of the columns (or give both the same type with types=).`,
  }),
  "map/on-without-join": entry({
    severity: "warning",
    title: "on= without join=",
    message: () => "on= says which columns a join matches, but this block has no join=, so it is not used.",
    hint: () => "Add join=<id of the table> to join a table to these shapes, or remove on=.",
  }),

  "map/mark-not-on-shapes": entry<{ mark: string; data: string; how: string }>({
    severity: "error",
    title: "Map mark on data that is not shapes",
    message: (p) => `The ${p.mark} mark ${p.how}, but "${p.data}" is not shapes: its rows have no outlines to draw or to find the centre of.`,
    hint: () =>
      "Read shapes in a data block of their own, with basemap= (basemap=world/countries) or a GeoJSON or TopoJSON file (src=districts.geojson), and name that block with data:. For points from longitude and latitude columns, use a dot mark with x: longitude and y: latitude.",
  }),
  "map/unknown-projection": entry<{ name: string; suggestion: string; known: readonly string[] }>({
    severity: "error",
    title: "Unknown projection",
    message: (p) => `"${p.name}" is not a projection Plot knows.${p.suggestion}`,
    hint: (p) => `The projections are ${list(p.known, 20)}: equal-earth suits the world, albers-usa the United States, mercator a city or a small country.`,
  }),
  "map/domain-not-shapes": entry<{ data: string }>({
    severity: "error",
    title: "Projection fitted to data that is not shapes",
    message: (p) => `The projection's domain names "${p.data}", which is not shapes, so the map cannot be fitted to it.`,
    hint: () => "Name the data block of the shapes the map shows (read with basemap= or from a GeoJSON or TopoJSON file), or remove domain to show the whole globe.",
  }),
  "map/point-without-position": entry<{ mark: string; data: string }>({
    severity: "error",
    title: "Dots or labels on shapes without a place",
    message: (p) => `The ${p.mark} mark draws the shapes of "${p.data}" with no x and y and no centroid, so every one of them would sit at the same spot.`,
    hint: () => "Add centroid: true to place each at its shape's centre on the map (geoCentroid: true for the centre on the globe).",
  }),
  "map/geometry-given": entry<{ mark: string }>({
    severity: "error",
    title: "geometry given on a map mark",
    message: (p) => `The ${p.mark} mark sets geometry:, but Plotline gives map marks their shapes itself, from the rows of shapes they draw: a shape is never a column.`,
    hint: () => "Remove geometry: and name the shapes with data: (a block read with basemap= or from a GeoJSON or TopoJSON file).",
  }),

  // ── SQL data blocks (```data format=sql) ──────────────────────────────────
  "sql/syntax": entry<{ detail: string; quoteIds: readonly string[] }>({
    severity: "error",
    title: "SQL query cannot be read",
    message: (p) => `DuckDB cannot read this query: ${p.detail}.`,
    hint: (p) =>
      p.quoteIds.length
        ? `A data block's id holds "-", which SQL reads as a minus: write it in double quotes, ${list(p.quoteIds)}, or with "_" for "-".`
        : "Check the words and punctuation just before the place shown: a missing comma, an unclosed quote or parenthesis, or a misspelt keyword (SELECT, FROM, WHERE, GROUP BY, ORDER BY).",
  }),
  "sql/unknown-column": entry<{ column: string; suggestion: string; candidates: readonly string[] }>({
    severity: "error",
    title: "SQL query names a column that is not there",
    message: (p) => `The query uses the column "${p.column}", which none of its tables has.${p.suggestion}`,
    hint: (p) =>
      p.candidates.length
        ? `The columns it can use here are ${list(p.candidates, 12)}. Names with spaces or capitals go in double quotes: "Job title".`
        : 'Check the spelling against the header of the file or block; names with spaces or capitals go in double quotes: "Job title".',
  }),
  "sql/unknown-table": entry<{ table: string; suggestion: string; tables: readonly string[] }>({
    severity: "error",
    title: "SQL query names a table that is not there",
    message: (p) => `The query reads "${p.table}", which is neither a data block of this story nor an earlier SQL block.${p.suggestion}`,
    hint: (p) =>
      `${p.tables.length ? `The tables of this story are ${list(p.tables, 12)}; ` : ""}a file under data/ is read by its path in single quotes: FROM 'sales/2024.csv'. An id with "-" goes in double quotes: FROM "jobs-2025".`,
  }),
  "sql/file-not-found": entry<{ path: string; suggestion: string }>({
    severity: "error",
    title: "SQL query reads a file that is not in data/",
    message: (p) => `There is no file "data/${p.path}"${/[*?[]/.test(p.path) ? " (no file matches this pattern)" : ""}.${p.suggestion}`,
    hint: () => "Paths in queries are relative to data/ and case-sensitive, in single quotes: FROM 'sales/2024-*.parquet'.",
  }),
  "sql/outside-data": entry<{ path: string }>({
    severity: "error",
    title: "SQL query reads outside data/",
    message: (p) => `The query reads "${p.path}", which is outside the data/ folder: queries may read only files under data/.`,
    hint: () => "Copy the file into data/ and give its path from there, without a leading / or ../: FROM 'sales/2024.csv'.",
  }),
  "sql/remote-refused": entry<{ path: string }>({
    severity: "error",
    title: "SQL query reads from the network",
    message: (p) => `The query reads "${p.path}", an address on the network; stories read only files under data/.`,
    hint: () =>
      'Download the file into data/, or, for a site that reads shared data in object storage, allow its address in plotline.config.mjs: export const sql = { remote: ["s3://bucket/prefix/"] } (see README, "Scale beyond one machine").',
  }),
  "sql/remote-unavailable": entry<{ path: string; detail: string }>({
    severity: "error",
    title: "Remote data needs DuckDB's httpfs extension",
    message: (p) => `The query reads "${p.path}", which plotline.config.mjs allows, but DuckDB's httpfs extension cannot be loaded: ${p.detail}.`,
    hint: () =>
      "Install the extension on the build machine beforehand (duckdb -c \"INSTALL httpfs\" with the same DuckDB version); builds never download extensions themselves. Credentials come from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION).",
  }),
  "sql/not-a-query": entry<{ count: number }>({
    severity: "error",
    title: "SQL block is not one query",
    message: (p) => (p.count === 0 ? "This SQL block has no query." : `This SQL block holds ${p.count} statements; it must hold one query.`),
    hint: () => "Write one query (SELECT, WITH, FROM, PIVOT or UNPIVOT) per block; give each result its own block and id, and read earlier ones by id.",
  }),
  "sql/refused-statement": entry<{ keyword: string }>({
    severity: "error",
    title: "SQL statement that is not a query",
    message: (p) => `${p.keyword} is not a query: SQL blocks may only read data (SELECT, WITH, FROM, PIVOT, UNPIVOT), never write files, change settings or load extensions.`,
    hint: () => "Write a query that returns the table the charts need: SELECT … FROM 'file.csv' …; the result is the block's data.",
  }),
  "sql/refused-function": entry<{ name: string }>({
    severity: "error",
    title: "SQL function that reads the build machine's settings",
    message: (p) => `${p.name}() tells about the machine that builds the site (its settings, folders, extensions or secrets), not about the data; stories may not call it.`,
    hint: () => "Queries work on the story's data: files under data/ and the story's blocks. Leave the call out.",
  }),
  "sql/timeout": entry<{ seconds: number }>({
    severity: "error",
    title: "SQL query took too long",
    message: (p) => `The query was stopped after ${p.seconds} s.`,
    hint: () =>
      "Look for a join without a condition (every row with every row), or aggregate earlier; a longer limit can be set in plotline.config.mjs: export const sql = { timeout: 60 }.",
  }),
  "sql/unsupported-column-type": entry<{ column: string; type: string }>({
    severity: "error",
    title: "SQL result column of a type charts cannot use",
    message: (p) => `The column "${p.column}" of the result is of type ${p.type}, which charts and numbers cannot use.`,
    hint: () =>
      "Results may hold numbers, dates, text and true/false: unnest lists (unnest(col)), take fields of structs (col.field), or cast (CAST(col AS VARCHAR)).",
  }),
  "sql/number-too-large": entry<{ column: string; value: string; row: number }>({
    severity: "error",
    title: "SQL result number too large to keep exactly",
    message: (p) => `The column "${p.column}" holds ${p.value} (row ${p.row}), beyond 2^53 = 9007199254740992, the largest whole number a browser keeps exactly.`,
    hint: () => "Divide it into a unit charts can show (millions: col / 1e6), or cast it to DOUBLE if rounding is acceptable: CAST(col AS DOUBLE).",
  }),
  "sql/large-result": entry<{ id: string; rows: number; limit: number }>({
    severity: "warning",
    title: "SQL result too large to send to readers",
    message: (p) => `The query "${p.id}" returns ${p.rows.toLocaleString("en-US")} rows, more than ${p.limit.toLocaleString("en-US")}: every row goes to readers' browsers with the chart and its "Get the data" file.`,
    hint: () => "Aggregate in the query: GROUP BY a month, a region or a category (date_trunc('month', col)), so the chart draws what readers can see.",
  }),
  "sql/result-too-large": entry<{ id: string; limit: number }>({
    severity: "error",
    title: "SQL result too large to build",
    message: (p) => `The query "${p.id}" returns more than ${p.limit.toLocaleString("en-US")} rows, more than a page can hold; Plotline stops reading it there.`,
    hint: () => "Aggregate in the query (GROUP BY a month, a region or a category) or keep only the rows the story is about (WHERE, LIMIT).",
  }),
  "sql/error": entry<{ detail: string }>({
    severity: "error",
    title: "SQL query failed",
    message: (p) => `DuckDB could not run the query: ${p.detail}.`,
    hint: () => "Check the functions and types used near the place shown; DuckDB's SQL is documented at duckdb.org/docs/sql.",
  }),
  "sql/not-run": entry<{ reason: string }>({
    severity: "error",
    title: "SQL block was not run",
    message: (p) => `This SQL block was not run: ${p.reason}.`,
    hint: () => "Build with plotline build or check, which run the story's queries; a program using the engine calls compileStoryAsync.",
  }),

  // ── Chart blocks ───────────────────────────────────────────────────────────
  "plot/missing-data": entry({
    severity: "error",
    title: "Chart has no data",
    message: () => "This chart names no data block, and not every mark brings its own data.",
    hint: () => "Add data=<id> after ```plot, naming a data block of this story.",
  }),
  "plot/unknown-data": entry<{ id: string; suggestion: string; known: readonly string[] }>({
    severity: "error",
    title: "Chart names a data block that does not exist",
    message: (p) => `There is no data block "${p.id}" in this story.${p.suggestion}`,
    hint: (p) => (p.known.length ? `The data blocks of this story are ${list(p.known)}.` : "This story has no data block yet; add one with ```data id=…"),
  }),
  "plot/syntax": entry<{ detail: string }>({
    severity: "error",
    title: "Chart spec is not valid YAML",
    message: (p) => `The chart cannot be read: ${p.detail}.`,
    hint: () => 'Write one "option: value" per line, indent marks under "marks:" with "- ", and use spaces, not tabs.',
  }),
  "plot/comma-in-text": entry<{ key: string; text: string }>({
    severity: "error",
    title: "A comma cuts a text in two",
    message: (p) => `Inside { } a comma separates options, so the comma in "${p.text}" ends the text of "${p.key}" and the rest is read as an option of its own.`,
    hint: (p) => `Put the text in double quotes: ${p.key}: "${p.text.replace(/"/g, '\\"')}".`,
  }),
  "plot/not-a-mapping": entry<{ found: string }>({
    severity: "error",
    title: "Chart spec is not a set of options",
    message: (p) => `The chart's body is ${p.found}, but it must be a set of "option: value" lines.`,
    hint: () => "Start with marks: and list the marks below it.",
  }),
  "plot/missing-marks": entry({
    severity: "error",
    title: "Chart has no marks",
    message: () => "This chart has no marks, so it would draw nothing.",
    hint: () => "Add a marks: list, e.g.\n  marks:\n    - barY: {x: year, y: count}",
  }),
  "plot/marks-not-a-list": entry({
    severity: "error",
    title: "marks is not a list",
    message: () => '"marks" must be a list, with each mark on its own line starting with "- ".',
    hint: () => "For example:\n  marks:\n    - barY: {x: year, y: count}\n    - ruleY: [0]",
  }),
  "plot/invalid-mark": entry<{ found: string }>({
    severity: "error",
    title: "Mark has the wrong form",
    message: (p) => `Each item under marks must be one mark name followed by its options, but this is ${p.found}.`,
    hint: () => 'Write "- barY: {x: year, y: count}": a mark name, a colon, and its options.',
  }),
  "plot/unknown-mark": entry<{ mark: string; suggestion: string }>({
    severity: "error",
    title: "Unknown mark",
    message: (p) => `"${p.mark}" is not a Plot mark.${p.suggestion}`,
    hint: () => "Common marks are barX, barY, lineY, areaY, dot, text, ruleX, ruleY, tickX, cell and frame; docs/authoring.md lists them all.",
  }),
  "plot/unknown-option": entry<{ option: string; suggestion: string; scope: string }>({
    severity: "error",
    title: "Unknown option",
    message: (p) => `"${p.option}" is not an option of ${p.scope}.${p.suggestion}`,
    hint: () => "Check the spelling; option names are case-sensitive (marginLeft, not marginleft).",
  }),
  "plot/unknown-column": entry<{ column: string; data: string; suggestion: string; columns: readonly string[] }>({
    severity: "error",
    title: "Chart names a column that the data lacks",
    message: (p) => `Column "${p.column}" is not in data "${p.data}".${p.suggestion}`,
    hint: (p) => `The columns of "${p.data}" are ${list(p.columns, 12)}. Names are case-sensitive.`,
  }),
  "plot/unknown-reducer": entry<{ reducer: string; transform: string; suggestion: string }>({
    severity: "error",
    title: "Unknown reducer",
    message: (p) => `"${p.reducer}" is not a way ${p.transform} can summarise values.${p.suggestion}`,
    hint: () => "Use count, sum, mean, median, min, max, mode, first, last, distinct, proportion or deviation.",
  }),
  "plot/invalid-value": entry<{ option: string; expected: string; found: string }>({
    severity: "error",
    title: "Option has a value of the wrong kind",
    message: (p) => `"${p.option}" expects ${p.expected}, but is ${p.found}.`,
    hint: (p) => `Give "${p.option}" ${p.expected}.`,
  }),
  "plot/invalid-format": entry<{ option: string; format: string; detail: string }>({
    severity: "error",
    title: "Number or date format cannot be read",
    message: (p) => `The format "${p.format}" of "${p.option}" is not valid: ${p.detail}.`,
    hint: () => 'Use a d3-format specifier for numbers (".0%", ",.1f", "$,.0f") or a d3-time-format one for dates ("%Y", "%b %Y").',
  }),
  "plot/format-mismatch": entry<{ option: string; format: string; column: string; type: string }>({
    severity: "error",
    title: "Format does not suit the values",
    message: (p) =>
      p.type === "number"
        ? `The format "${p.format}" of "${p.option}" writes dates, but the column "${p.column}" holds numbers.`
        : `The format "${p.format}" of "${p.option}" writes numbers, but the column "${p.column}" holds dates.`,
    hint: (p) =>
      p.type === "number"
        ? `Use a number format for numbers (".0%", ",.0f"). If "${p.column}" holds years or dates, give it the type date in its data block: types="${p.column}:date".`
        : 'Use a date format for dates ("%Y", "%b %Y"), or leave the format out: Plotline writes dates at the precision they were written in.',
  }),
  "plot/needs-numbers": entry<{ transform: string; channel: string; column: string; data: string; type: string }>({
    severity: "error",
    title: "Transform needs numbers or dates",
    message: (p) =>
      `${p.transform} needs numbers or dates on ${p.channel}, but the column "${p.column}" of data "${p.data}" holds ${p.type === "boolean" ? "true/false values" : "text"}.`,
    hint: (p) =>
      `If "${p.column}" holds numbers but for a few cells written otherwise (such as "-" or "n.a."), list those texts with missing= on the data block (missing="NA,-"), or give it types="${p.column}:number" to see which cells do not fit.`,
  }),
  "plot/render-failed": entry<{ detail: string }>({
    severity: "error",
    title: "Chart could not be drawn",
    message: (p) => `Plot could not draw this chart: ${p.detail}.`,
    hint: () => "Check that each mark has the channels it needs (for example barY needs y) and that option values have the right kind.",
  }),
  "plot/missing-alt": entry<{ generated: string }>({
    severity: "warning",
    title: "Chart has no text alternative",
    message: (p) => `This chart has no alt, so screen-reader users get a generated description: "${p.generated}"`,
    hint: () => "Add alt: with what the chart shows and its key numbers, in a sentence or two.",
  }),
  "plot/invalid-id": entry<{ id: string; suggestion: string }>({
    severity: "error",
    title: "Chart id has the wrong form",
    message: (p) => `The chart id "${p.id}" may only hold lowercase letters a–z, digits and "-", and must start with a letter.`,
    hint: (p) => `Use for example id=${p.suggestion}. The id becomes part of the chart's web address.`,
  }),
  "plot/id-too-long": entry<{ length: number; max: number; suggestion: string }>({
    severity: "error",
    title: "Chart id is too long",
    message: (p) => `The chart id is ${p.length} characters long; it names the chart's files and embed page, and may have at most ${p.max}.`,
    hint: (p) => `Use a few words, for example id=${p.suggestion}.`,
  }),
  "plot/duplicate-id": entry<{ id: string }>({
    severity: "error",
    title: "Two charts share an id",
    message: (p) => `Another chart in this story already has the id "${p.id}".`,
    hint: () => "Give each chart its own id=, or a title of its own.",
  }),
  "plot/positional-id": entry<{ id: string; suggestion: string }>({
    severity: "warning",
    title: "Chart is named by its place in the story",
    message: (p) =>
      `This chart has neither a title nor an id, so its embed page, downloads and #link are named "${p.id}" after its place among the story's charts, and change when a chart is added or removed above it.`,
    hint: (p) => `Give it an id that stays: \`\`\`plot ${p.suggestion} (or a title:, which names it the same way).`,
  }),
  // Charts that draw but come out wrong (src/engine/chart/checks/drawn/): read from the typed data the
  // chart draws, without drawing it again. Warnings: the chart is built, but readers would be misled.
  "plot/rows-not-drawn": entry<{ dropped: number; rows: number; missing: readonly { channel: string; column: string; count: number }[] }>({
    severity: "warning",
    title: "Rows left out of a mark for missing positions",
    message: (p) =>
      `${p.dropped} of ${plural(p.rows, "row")} ${p.dropped === 1 ? "has" : "have"} no value for ${p.missing
        .map((m) => `${m.channel} (column "${m.column}"${new Set(p.missing.map((x) => x.count)).size > 1 ? `, ${plural(m.count, "row")}` : ""})`)
        .join(" or ")}, so this mark does not draw ${p.dropped === 1 ? "it" : "them"}.`,
    hint: (p) =>
      `If the chart should show them, fill in the empty cells (or the cells read as missing). If leaving them out is meant, say so in a note and filter them out yourself: filter: "${p.missing.map((m) => `!isMissing(${/^[A-Za-z_][\w]*$/.test(m.column) ? m.column : `\`${m.column}\``})`).join(" and ")}".`,
  }),
  "plot/log-scale-nonpositive": entry<{ scale: string; column: string; count: number; total: number; smallest: number }>({
    severity: "warning",
    title: "Log scale over zero or negative values",
    message: (p) =>
      `The ${p.scale} scale is a log scale, but ${p.count} of the ${plural(p.total, "value")} of "${p.column}" ${p.count === 1 ? "is" : "are"} zero or negative (the smallest is ${p.smallest}); a log scale has no place for them, so they are drawn off the chart or not at all.`,
    hint: (p) =>
      `Use type: symlog, which goes through zero and below it, or leave those rows out with filter: "${p.column} > 0" and say so in a note.`,
  }),
  "plot/too-many-bands": entry<{ scale: string; column: string; bands: number; width: number; interval: string }>({
    severity: "warning",
    title: "Dates drawn as thousands of thin bands",
    message: (p) =>
      `This mark puts the dates of "${p.column}" on a band scale (${p.scale}), one band per date: ${p.bands} bands, each ${p.width < 1 ? "less than a pixel" : `about ${p.width} px`} wide, which read as a smear.`,
    hint: (p) =>
      `Draw a line or an area for a series of dates (lineY, areaY), or give the scale a coarser step, e.g. ${p.scale}: {interval: "${p.interval}"} with a groupX or binX of the values, so that each band holds ${p.interval.includes(" ") ? p.interval : `a ${p.interval}`}.`,
  }),
  "plot/empty-facets": entry<{ scale: string; option: "domain" | "interval"; empty: readonly string[]; total: number }>({
    severity: "warning",
    title: "Facets left empty",
    message: (p) =>
      `The ${p.option} of ${p.scale} makes ${plural(p.total, "facet")}, but ${p.empty.length === p.total ? "all of them" : p.empty.length} ${p.empty.length === 1 ? "has" : "have"} no data: ${list(p.empty)}, so the chart shows ${p.empty.length === 1 ? "an empty panel" : "empty panels"}.`,
    hint: (p) =>
      p.option === "domain"
        ? "List in domain only values the data has (as the data writes them), or take the domain out to get one facet per value of the data."
        : "Take the interval out to get one facet per value of the data, or use a coarser one that every facet has data for.",
  }),
  "plot/tick-format-repeats": entry<{ scale: string; format: string; text: string; ticks: number }>({
    severity: "warning",
    title: "Tick format writes the same label for several ticks",
    message: (p) => `The tickFormat "${p.format}" of ${p.scale} writes "${p.text}" under ${p.ticks} ticks in a row, so readers cannot tell them apart.`,
    hint: () =>
      'Write finer: "%b %Y" or "%b %-d" for dates within a year, ".1f" or ".1%" for small numbers; or remove tickFormat and let Plotline choose.',
  }),
  "plot/tick-format-decimals": entry<{ scale: string; format: string; decimals: number }>({
    severity: "warning",
    title: "Tick format writes many decimals",
    message: (p) => `The tickFormat "${p.format}" of ${p.scale} writes ${p.decimals} decimals on every tick label, which is more than a reader can take in and crowds the axis.`,
    hint: () => 'Round to what the data can tell: ",.0f" for whole numbers, ".1f" or ".2f" for small ones, ".0%" for shares.',
  }),
  "plot/too-many-colors": entry<{ column: string; categories: number; colors: number; scheme: string }>({
    severity: "warning",
    title: "More categories than distinguishable colours",
    message: (p) =>
      `The colours of this mark stand for ${p.categories} categories of "${p.column}", but ${p.scheme} has ${p.colors} colours, so several categories share a colour and readers cannot tell them apart.`,
    hint: (p) =>
      `Show the few that matter and group the rest as "Other" (in the data, or with an expression such as fill: {expr: "…", label: ${/^[\w ]+$/.test(p.column) ? p.column : "Group"}}), or draw one small chart per category with fx or fy.`,
  }),
  "plot/crowded-phone-axis": entry<{ scale: string; option: "ticks" | "interval"; labels: number; max: number; width: number }>({
    severity: "warning",
    title: "Too many tick labels for a phone",
    message: (p) =>
      `The ${p.option === "ticks" ? "ticks option" : "interval"} of ${p.scale} ${p.option === "ticks" ? "asks for" : "makes"} ${p.labels} tick labels, and they are all drawn on phones too, where the chart is ${p.width} px wide: they cannot fit there, and they overlap.`,
    hint: (p) =>
      p.option === "ticks"
        ? `Ask for ${p.max} ticks or fewer (ticks: ${Math.min(p.max, 10)}), or take ticks out and let Plotline choose as many as fit each width.`
        : `Keep the interval and label fewer of its steps with a coarser ticks interval, e.g. ${p.scale}: {interval: "month", ticks: "year"}.`,
  }),
  "plot/plot-warning": entry<{ detail: string }>({
    severity: "warning",
    title: "Plot warned about this chart",
    message: (p) => `Plot drew this chart but warned: ${p.detail}`,
    hint: () => "Check the chart on the page: the warning usually means values of an unexpected type in a column.",
  }),
  "plot/figure-text": entry<{ key: string; found: string }>({
    severity: "error",
    title: "Figure text is not text",
    message: (p) => `"${p.key}" must be a line of text, but is ${p.found}.`,
    hint: (p) => `Write ${p.key}: followed by the text, in double quotes if it contains ": ".`,
  }),

  // ── Stories that move: variants of a chart, highlighting, :mark[…] ────────
  "plot/unknown-base": entry<{ id: string; suggestion: string; known: readonly string[] }>({
    severity: "error",
    title: "Variant extends a chart that does not exist",
    message: (p) => `extends=${p.id} names no chart of this story.${p.suggestion}`,
    hint: (p) =>
      p.known.length
        ? `The charts of this story are ${list(p.known)}; give the base chart an id= and name it here.`
        : "Give the chart this one varies an id= (```plot data=… id=cities) and write extends=cities.",
  }),
  "plot/extends-cycle": entry<{ cycle: readonly string[] }>({
    severity: "error",
    title: "Variants extend each other in a circle",
    message: (p) => `These charts extend each other in a circle (${p.cycle.join(" → ")}), so none of them has a chart to start from.`,
    hint: () => "One chart of the circle must be a chart of its own: remove its extends= and give it the marks it draws.",
  }),
  "plot/highlight-not-drawn": entry<{ column: string }>({
    severity: "error",
    title: "Highlight names a column no mark draws",
    message: (p) => `highlight names "${p.column}", but no mark of this chart draws it as a series (z, stroke or fill) or as the x or y of bars and dots, so nothing could light up.`,
    hint: (p) => `Draw the column with a mark, e.g. - lineY: {x: year, y: value, stroke: ${p.column}}, or highlight the column a mark already draws.`,
  }),
  "plot/highlight-unknown-value": entry<{ value: string; column: string; suggestion: string; examples: readonly string[] }>({
    severity: "error",
    title: "Highlight lights a value the column does not hold",
    message: (p) => `highlight lights "${p.value}", but no row has that value in "${p.column}", so it would light nothing.${p.suggestion}`,
    hint: (p) => `Values of "${p.column}" include ${list(p.examples, 8)}. Values are compared as written, case and all.`,
  }),
  "mark/missing-chart": entry<{ words: string }>({
    severity: "error",
    title: "Marked words name no chart",
    message: (p) => `:mark[${p.words}] does not say which chart it lights: it has no chart=.`,
    hint: (p) => `Name the chart by its id: :mark[${p.words}]{chart=cities}.`,
  }),
  "mark/unknown-chart": entry<{ id: string; suggestion: string; known: readonly string[] }>({
    severity: "error",
    title: "Marked words name a chart that does not exist",
    message: (p) => `chart=${p.id} names no chart of this story.${p.suggestion}`,
    hint: (p) => (p.known.length ? `The charts of this story are ${list(p.known)}.` : "Give the chart an id= (```plot data=… id=cities) and name it with chart=."),
  }),
  "mark/no-highlight": entry<{ chart: string }>({
    severity: "error",
    title: "Marked words name a chart without highlight",
    message: (p) => `The chart "${p.chart}" has no highlight:, so the marked words have nothing to light.`,
    hint: () => "Add highlight: <column> to the chart, naming the column whose values the words name (highlight: city).",
  }),
  "mark/unknown-key": entry<{ key: string; chart: string; column: string; suggestion: string; examples: readonly string[] }>({
    severity: "error",
    title: "Marked words name a value the chart does not draw",
    message: (p) => `"${p.key}" is not a value of "${p.column}" in the chart "${p.chart}", so the words would light nothing.${p.suggestion}`,
    hint: (p) => `Values of "${p.column}" include ${list(p.examples, 8)}. When the words differ from the value, give it with key=: :mark[the capital]{chart=${p.chart} key=${p.examples[0] ?? "Beijing"}}.`,
  }),

  // ── Numbers in prose (:value[…]) ───────────────────────────────────────────
  "value/syntax": entry<{ detail: string }>({
    severity: "error",
    title: "Number reference cannot be read",
    message: (p) => `This :value reference cannot be read: ${p.detail}.`,
    hint: () => 'Write :value[block.name] for a named value, or :value[block.column]{key=value} for one row of a table, e.g. :value[cities.share]{city="Beijing"}.',
  }),
  "value/unknown-data": entry<{ id: string; suggestion: string; known: readonly string[] }>({
    severity: "error",
    title: "Number refers to a data block that does not exist",
    message: (p) => `There is no data block "${p.id}" in this story.${p.suggestion}`,
    hint: (p) => (p.known.length ? `The data blocks of this story are ${list(p.known)}.` : "Add a data block with ```data id=… first."),
  }),
  "value/unknown-name": entry<{ name: string; data: string; suggestion: string; names: readonly string[] }>({
    severity: "error",
    title: "Named value does not exist",
    message: (p) => `The data block "${p.data}" has no value named "${p.name}".${p.suggestion}`,
    hint: (p) => `Its names are ${list(p.names, 12)}. Names are case-sensitive.`,
  }),
  "value/unknown-column": entry<{ column: string; data: string; suggestion: string; columns: readonly string[] }>({
    severity: "error",
    title: "Number refers to a column that does not exist",
    message: (p) => `Column "${p.column}" is not in data "${p.data}".${p.suggestion}`,
    hint: (p) => `The columns of "${p.data}" are ${list(p.columns, 12)}. Names are case-sensitive.`,
  }),
  "value/needs-column": entry<{ data: string; columns: readonly string[] }>({
    severity: "error",
    title: "Number names a table but no column",
    message: (p) => `"${p.data}" is a table, so the reference must name one of its columns.`,
    hint: (p) => `Write :value[${p.data}.${p.columns[0] ?? "column"}]{…} to pick a row, or add aggregate=count to count the rows.`,
  }),
  "value/no-row": entry<{ data: string; condition: string; examples: readonly string[] }>({
    severity: "error",
    title: "No row matches",
    message: (p) => `No row of "${p.data}" has ${p.condition}.`,
    hint: (p) => (p.examples.length ? `Values in that column include ${list(p.examples, 6)}.` : "Check the spelling of the value; it is compared after typing (numbers as numbers, dates as dates)."),
  }),
  "value/many-rows": entry<{ data: string; count: number; condition: string }>({
    severity: "error",
    title: "Several rows match",
    message: (p) => `${p.count} rows of "${p.data}" match${p.condition ? ` ${p.condition}` : ""}, so Plotline cannot tell which number you mean.`,
    hint: () => "Pick one row with another key=value, or summarise the rows with aggregate=sum, mean, median, min, max or count.",
  }),
  "value/missing-value": entry<{ data: string; column: string }>({
    severity: "error",
    title: "The value is missing",
    message: (p) => `The cell of "${p.column}" in "${p.data}" is empty, so there is no number to show.`,
    hint: () => "Fill in the cell, or refer to another one.",
  }),
  "value/no-result": entry<{ expression: string }>({
    severity: "error",
    title: "The expression gives no number",
    message: (p) => `"${formula(p.expression)}" gives no value: it divides by zero, or its result is not a number (the logarithm of 0, the square root of a negative number).`,
    hint: () => "Check the values it reads; a division by a value that can be 0 may be written with a condition: x == 0 ? 0 : y / x.",
  }),
  "value/unknown-aggregate": entry<{ aggregate: string; suggestion: string }>({
    severity: "error",
    title: "Unknown aggregate",
    message: (p) => `"${p.aggregate}" is not a way to summarise values.${p.suggestion}`,
    hint: () => "Use sum, mean, median, min, max or count.",
  }),
  "value/not-a-number": entry<{ format: string; found: string }>({
    severity: "error",
    title: "Format needs a number",
    // An aggregate (sum, mean, …) needs numbers as a number format does; it is named as what asked for them.
    message: (p) =>
      p.format.startsWith("aggregate=") ? `${p.format} works on numbers, but the values are ${p.found}.` : `The format "${p.format}" writes numbers, but this value is ${p.found}.`,
    hint: () => "Refer to a number column, or leave out format= to show the value as it is.",
  }),
  "value/column-not-numbers": entry<{ column: string; named: boolean; data: string; holds: string; examples: readonly string[]; need: string }>({
    severity: "error",
    title: "The column holds no numbers",
    message: (p) => `${p.named ? "The value" : "Column"} "${p.column}" of data "${p.data}" holds ${p.holds}, not numbers${p.examples.length ? ` (${list(p.examples, 3)})` : ""}, so ${p.need}.`,
    hint: (p) =>
      `If "${p.column}" should hold numbers, look for cells that are not one (a note, "n/a", a unit written after the number) and correct them: a column is read as numbers only when every cell is a number. Otherwise refer to a number column, or leave out format= and aggregate= to show the ${p.holds} as written.`,
  }),
  "value/not-a-date": entry<{ format: string; found: string }>({
    severity: "error",
    title: "Date format given a value that is not a date",
    message: (p) => `The format "${p.format}" writes dates, but this value is ${p.found}.`,
    hint: () =>
      'For a number use a number format (",.0f", ".1%") or leave out format=. If the column holds years or dates, give it the type date in its data block: types="year:date".',
  }),
  "value/invalid-format": entry<{ format: string; detail: string }>({
    severity: "error",
    title: "Number format cannot be read",
    message: (p) => `The format "${p.format}" is not valid: ${p.detail}.`,
    hint: () => 'Use a d3-format specifier (".1%", ",.0f", "$,.2s"), a date format ("%Y", "%B %Y"), compact or percent.',
  }),

  // ── Sections that move (:::scrolly, :::toggle) ────────────────────────────
  "section/unknown": entry<{ name: string; suggestion: string }>({
    severity: "warning",
    title: "Unknown section",
    message: (p) => `":::${p.name}" is not a section Plotline knows; its content is shown as ordinary story content.${p.suggestion}`,
    hint: () => 'The sections are ":::scrolly" (a graphic that changes as the reader scrolls through steps of text) and ":::toggle" (views of one figure the reader switches between). Close each with a line of ":::".',
  }),
  "section/unknown-attribute": entry<{ section: string; name: string; suggestion: string; known: readonly string[] }>({
    severity: "warning",
    title: "Unknown section attribute",
    message: (p) => `A :::${p.section} section has no attribute "${p.name}"; it is ignored.${p.suggestion}`,
    hint: (p) => (p.known.length ? `The attributes of :::${p.section} are ${list(p.known)}.` : `:::${p.section} takes no attributes: remove the {…} after it.`),
  }),
  "section/nested": entry<{ section: string; inside: string }>({
    severity: "error",
    title: "Section inside another",
    message: (p) => `This :::${p.section} is inside ${p.inside}; sections cannot be put inside other sections, lists or quotes.`,
    hint: () => 'Close the outer section (a line of ":::") before opening this one, and start it at the beginning of a line, outside any list or quote.',
  }),
  "section/unclosed": entry<{ section: string }>({
    severity: "error",
    title: "Section not closed",
    message: (p) => `This :::${p.section} is never closed, so it runs on to the end of the story and takes in everything after it.`,
    hint: () => 'Add a line of just ":::" where the section ends.',
  }),
  "section/scrolly-without-chart": entry({
    severity: "error",
    title: "Scrolly section does not start with a chart",
    message: () => "This :::scrolly section does not start with a chart block, so its first step would have no graphic.",
    hint: () => "Put a ```plot block right after the :::scrolly line: each chart block starts a step, and the text after it, up to the next chart block or ---, is that step's text.",
  }),
  "section/toggle-view-count": entry<{ count: number }>({
    severity: "error",
    title: "Toggle with too few or too many views",
    message: (p) => `This :::toggle has ${plural(p.count, "chart block")}; a toggle switches between 2 and 5 views, one chart block each.`,
    hint: (p) => (p.count < 2 ? "Add another ```plot block inside the toggle, or remove the :::toggle lines and show the chart on its own." : "Keep the 5 views that matter most, or split them into two toggles or separate charts."),
  }),
  "section/toggle-unknown-default": entry<{ name: string; suggestion: string; known: readonly string[] }>({
    severity: "error",
    title: "Toggle's default view not found",
    message: (p) => `default="${p.name}" names none of this toggle's views.${p.suggestion}`,
    hint: (p) => `Name a view by its label or its chart id: ${list(p.known, 10)}.`,
  }),
  "section/toggle-duplicate-label": entry<{ label: string }>({
    severity: "error",
    title: "Two views with the same label",
    message: (p) => `Two views of this toggle are labelled "${p.label}"; readers could not tell their buttons apart.`,
    hint: () => 'Give each chart block of the toggle its own label="…" (the label defaults to the chart\'s title).',
  }),
  "section/toggle-prose-after-view": entry({
    severity: "error",
    title: "Text between a toggle's views",
    message: () => "This text is inside a :::toggle after its first view; with JavaScript only one view is shown at a time, so text between views would jump around or be hidden.",
    hint: () => "Move the text before the first chart block of the toggle (it is shown above the buttons), or after the closing \":::\" line, or into the chart's note: or subtitle:.",
  }),

  // ── Expressions (computed channels, filters, sort keys; :value[…] arithmetic) ─
  // Read by src/engine/expressions/: parsed by jsep into a tree Plotline evaluates itself. The position
  // is the offending token's, inside the expression. Unknown columns keep plot/unknown-column and
  // value/unknown-column.
  "expr/syntax": entry<{ expression: string; detail: string }>({
    severity: "error",
    title: "Expression cannot be read",
    message: (p) => `The expression "${formula(p.expression)}" cannot be read: ${p.detail}.`,
    hint: () => "Write columns by name (Close > Open), texts in quotes ('Death'), comparisons with == and !=, and a column whose name has spaces in backticks (`Life expectancy` > 70).",
  }),
  "expr/not-allowed": entry<{ expression: string; detail: string }>({
    severity: "error",
    title: "Expression uses something expressions do not have",
    message: (p) => `The expression "${formula(p.expression)}" cannot be used: ${p.detail}.`,
    hint: () => "Expressions hold columns, numbers, texts in quotes, the operators + - * / % ** == != < <= > >= and or not ?:, and Plotline's functions (see docs/authoring.md, Deriving a column); nothing else.",
  }),
  "expr/unknown-function": entry<{ name: string; suggestion: string }>({
    severity: "error",
    title: "Expression calls an unknown function",
    message: (p) => `"${p.name}" is not a function of expressions.${p.suggestion}`,
    hint: () =>
      "The functions are year, month, day, weekday, hour, quarter, date, lower, upper, trim, length, contains, startsWith, endsWith, slice, concat, abs, sqrt, exp, log, log10, floor, ceil, round, min, max, isMissing and coalesce.",
  }),
  "expr/wrong-arguments": entry<{ name: string; usage: string; given: number }>({
    severity: "error",
    title: "Function given the wrong number of values",
    message: (p) => `${p.name}() was given ${plural(p.given, "value")}.`,
    hint: (p) => `Write ${p.usage}.`,
  }),
  "expr/filter-keeps-nothing": entry<{ expression: string; rows: number; data: string }>({
    severity: "warning",
    title: "A filter keeps no row",
    message: (p) => `The filter "${formula(p.expression)}" is true in none of the ${p.rows} rows of "${p.data}", so the mark draws nothing.`,
    hint: () => "Compare with a value as the data writes it (texts are case-sensitive: 'Death' is not 'death'; dates as date(\"1855-01-01\")), or check the column.",
  }),
  "expr/type": entry<{ expression: string; detail: string }>({
    severity: "error",
    title: "Expression mixes kinds of values",
    message: (p) => `In "${formula(p.expression)}", ${p.detail}.`,
    hint: () => "Check the column's type (numbers, dates, texts, true/false: see How values are typed); convert with the functions of expressions, e.g. year(date), or compare a date with date(\"2014-01-31\").",
  }),

  // ── Files in public/ ───────────────────────────────────────────────────────
  // public/ is copied into the site as it is, following symbolic links: a link leading out of the project
  // would publish whatever it points to (a home folder's dotfiles, a shared drive). See
  // src/engine/project/public-files.ts.
  "public/link-outside": entry<{ path: string; target: string }>({
    severity: "error",
    title: "File in public/ is a link to outside the project",
    message: (p) => `${p.path} is a symbolic link to ${p.target}, outside the project: it would publish a file that is not part of the site.`,
    hint: () =>
      "Copy the file into public/ instead of linking to it (links to files inside the project are fine), or remove the link. Plotline publishes nothing from outside the project.",
  }),

  // ── Raw HTML in stories ────────────────────────────────────────────────────
  "html/unclosed-element": entry<{ tag: string }>({
    severity: "error",
    title: "Raw HTML swallows what follows",
    message: (p) =>
      p.tag === "!--"
        ? 'This HTML comment is opened with "<!--" but never closed with "-->", so everything after it, charts, tables and text, would be hidden from readers.'
        : p.tag === "plaintext"
          ? "<plaintext> turns everything after it, charts, tables and text, into plain characters: readers would not see the rest of the story."
          : `The HTML element <${p.tag}> is opened here but not closed in the same paragraph or HTML block, so the browser reads what follows it (the rest of the paragraph, or charts, tables and text after it) as part of it, and readers would not see that.`,
    hint: (p) =>
      p.tag === "!--"
        ? 'Close the comment with "-->" where the hidden text should end, or remove the "<!--".'
        : p.tag === "plaintext"
          ? "Remove it; to show code or markup, put it in a code block between ``` lines."
          : `Close it with </${p.tag}> in the same paragraph or HTML block, or remove it: stories keep only safe HTML, so a <${p.tag}> is never published anyway.`,
  }),

  // ── Links in stories ───────────────────────────────────────────────────────
  // Links within the site are checked when every story is compiled (src/engine/links/, and
  // src/engine/project/check-links.ts for links to other pages): a broken one would send readers to a
  // "page not found". Links to other sites are never fetched.
  "link/broken": entry<{ href: string; target: string; reason: "missing" | "draft"; draft?: string; suggestion: string }>({
    severity: "error",
    title: "Link goes to a page or file the site does not have",
    message: (p) =>
      `${p.href === p.target ? `The link "${p.href}"` : `The link "${p.href}" goes to ${p.target}, which`} ${
        p.reason === "draft" ? `is the page of ${p.draft ?? "a story"}, a draft: drafts are not published` : "is not a page or file of the site"
      }.${p.suggestion}`,
    hint: (p) =>
      p.reason === "draft"
        ? "Publish that story (draft: false), or take the link out until it is published."
        : "Link to a story by its file name without .md: /stories/ai-jobs/ for content/stories/ai-jobs.md, or ../ai-jobs/ from another story; to a file in public/ by its path there: /favicon.svg. Write links as if the site lived at /: the base path is added for you.",
  }),
  "link/missing-anchor": entry<{ href: string; fragment: string; page: string; suggestion: string; headings: readonly string[]; charts: readonly string[] }>({
    severity: "error",
    title: "Link goes to a part of a page that does not exist",
    message: (p) =>
      p.href === `#${p.fragment}`
        ? `The link "${p.href}" goes nowhere: ${p.page} has no heading, chart or other element with the id "${p.fragment}".${p.suggestion}`
        : `The link "${p.href}" goes to "#${p.fragment}", but ${p.page} has no heading, chart or other element with that id.${p.suggestion}`,
    hint: (p) =>
      `A heading's id is its text in lowercase with "-" for spaces and without punctuation ("## The rush" is #the-rush); a chart's is chart- and its id (#chart-postings). ${
        p.headings.length || p.charts.length
          ? `The headings and charts of ${p.page} have the ids ${list([...p.headings, ...p.charts].map((id) => `#${id}`), 10)}.`
          : `There are no headings or charts on ${p.page} to link to.`
      }`,
  }),
  "link/missing-image": entry<{ href: string; target: string; reason: "missing" | "draft"; draft?: string; suggestion: string }>({
    severity: "error",
    title: "Image is not a file of the site",
    message: (p) =>
      `${p.href === p.target ? `The image "${p.href}"` : `The image "${p.href}" is ${p.target}, which`} ${
        p.reason === "draft" ? `belongs to ${p.draft ?? "a story"}, a draft: drafts are not published` : "is not a file of the site"
      }.${p.suggestion}`,
    hint: (p) =>
      p.reason === "draft"
        ? "Publish that story (draft: false), or leave the image out until it is published."
        : "Put the picture in public/ and write its path from there: public/images/map.png is shown with ![A map of the offices](/images/map.png). Names are case-sensitive on most web hosts; pictures on other sites need their full https:// address.",
  }),
  "link/malformed": entry<{ href: string; detail: string }>({
    severity: "error",
    title: "Link address cannot be read",
    message: (p) => `The address "${p.href}" cannot be read: ${p.detail}.`,
    hint: () =>
      "Links to other sites start with https:// and the site's name (https://www.example.com/page); links within the site start with / (/stories/ai-jobs/) or ../ (../ai-jobs/). Copy addresses from the browser's address bar rather than typing them.",
  }),
  "link/unsafe-scheme": entry<{ href: string; scheme: string; kind: "link" | "image" }>({
    severity: "error",
    title: "Link or image address of a kind stories cannot use",
    message: (p) =>
      `The ${p.kind === "image" ? "image" : "link"} "${p.href}" starts with "${p.scheme}", which stories may not use, so Plotline removes it and the ${p.kind === "image" ? "picture would not show" : "link would go nowhere"}.`,
    hint: (p) =>
      p.kind === "image"
        ? "Put the picture in public/ and write its path from there: public/images/map.png is ![A map of the offices](/images/map.png). Pictures given as data: or script addresses are never kept."
        : /^(javascript|vbscript|data):$/i.test(p.scheme.trim())
          ? "Links cannot run scripts or carry a page of their own: link to a page (https://…, or /stories/… on this site) instead."
          : "Links in stories start with https:// or http:// (in lowercase), mailto:, or are addresses on this site such as /stories/ai-jobs/.",
  }),
  "link/external-image": entry<{ href: string; where: "story" | "chart" }>({
    severity: "error",
    title: "Picture from another site",
    message: (p) =>
      `The ${p.where === "chart" ? "chart" : "story"} shows the picture "${p.href}" from another site: readers' browsers would fetch it from there (telling that site who reads the story), and the site's Content-Security-Policy, which allows only the site's own files, blocks it where it applies.`,
    hint: (p) =>
      p.where === "chart"
        ? "Download the pictures into public/ (e.g. public/logos/) and give their paths from there in the data or spec: /logos/alibaba.png."
        : "Download the picture, put it in public/ and write its path from there: public/images/map.png is ![A map of the offices](/images/map.png). Links to other sites are fine; pictures must be the site's own.",
  }),
} as const;

export type Catalog = typeof catalog;
export type DiagnosticCode = keyof Catalog;
export type ParamsOf<C extends DiagnosticCode> = Catalog[C] extends CatalogEntry<infer P> ? P : never;

/** The anchor of a code in docs/diagnostics.md. */
export function docsAnchor(code: DiagnosticCode): string {
  return `docs/diagnostics.md#${code.replace("/", "-")}`;
}
