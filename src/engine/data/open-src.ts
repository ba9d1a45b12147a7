import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { SourceFile } from "../diagnostics/source-file.ts";
import { normalizeSource } from "../story/normalize-source.ts";
import { replaceControlCharacters } from "../story/control-characters.ts";
import type { StoryBlock } from "../story/story-block.ts";
import { MAX_DATA_BYTES, megabytes } from "../limits.ts";
import type { DataFileSource } from "./data-file-source.ts";
import { FORMAT_OF_EXTENSION, type DataFormat } from "./data-format.ts";
import type { Origin } from "./data-origin.ts";
import { decodeDataFile } from "./decode-data-file.ts";
import { resolveSrc } from "./resolve-src.ts";
import { suggestFile } from "./suggest-file.ts";

/**
 * Opens the file a data block's src= names under data/: checks that it is inside data/, there, a file,
 * readable, not too large, in a known format and text, and reports why not at the attribute. Returns
 * its text (as an Origin, positions in the file) with its path under data/ and its format.
 */
export function openSrc(
  block: StoryBlock,
  files: DataFileSource,
  explicitFormat: DataFormat | undefined,
  formatUnknown: boolean,
  report: (d: Diagnostic) => void,
): { origin: Origin; src: string; format: DataFormat } | undefined {
  const written = block.attribute("src") ?? "";
  const valueSpan = block.attributeSpan("src", "value");
  const path = resolveSrc(written);
  if (path === undefined) {
    report(diagnostic("data/src-outside-data", { src: written }, valueSpan));
    return undefined;
  }
  const extension = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? "";
  const format = explicitFormat ?? FORMAT_OF_EXTENSION[extension];
  const displayPath = `${files.displayRoot}/${path}`;
  const notFound = () => {
    report(diagnostic("data/src-not-found", { src: written, suggestion: suggestListedFile(path, files) }, valueSpan));
    return undefined;
  };
  if (path === "") return notFound();

  // What is there, before reading anything: a folder, a link out of data/ or a huge file is never read.
  let found: ReturnType<NonNullable<DataFileSource["lookup"]>> | undefined;
  try {
    found = files.lookup?.(path);
  } catch {
    found = undefined;
  }
  if (found?.kind === "missing") return notFound();
  if (found?.kind === "outside") {
    report(diagnostic("data/src-outside-data", { src: written }, valueSpan));
    return undefined;
  }
  if (found?.kind === "directory") {
    report(diagnostic("data/src-is-directory", { path: displayPath, example: exampleInside(path, files) }, valueSpan));
    return undefined;
  }
  if (found?.kind === "unreadable") {
    report(diagnostic("data/src-unreadable", { path: displayPath, reason: found.reason }, valueSpan));
    return undefined;
  }
  const tooLarge = (size: number) => {
    report(diagnostic("data/too-large", { path: displayPath, size: megabytes(size), limit: megabytes(MAX_DATA_BYTES) }, valueSpan));
    return undefined;
  };
  if (found?.kind === "file" && found.size > MAX_DATA_BYTES) return tooLarge(found.size);

  let bytes: Uint8Array | undefined;
  try {
    bytes = files.read(path);
  } catch {
    bytes = undefined;
  }
  if (bytes === undefined) {
    if (found?.kind !== "file") return notFound();
    report(diagnostic("data/src-unreadable", { path: displayPath, reason: "a file Plotline is not allowed to read" }, valueSpan));
    return undefined;
  }
  if (bytes.length > MAX_DATA_BYTES) return tooLarge(bytes.length);
  if (!format) {
    // An unknown format= is reported already; the extension does not matter then.
    if (!formatUnknown) report(diagnostic("data/src-unknown-extension", { src: written }, valueSpan));
    return undefined;
  }
  const decoded = decodeDataFile(bytes);
  if (!decoded.ok) {
    if (decoded.problem === "binary") {
      report(diagnostic("data/not-text", { path: displayPath, what: decoded.what, spreadsheet: decoded.spreadsheet }, valueSpan));
      return undefined;
    }
    const file = new SourceFile(displayPath, normalizeSource(new TextDecoder("utf-8").decode(bytes)));
    report(diagnostic("data/encoding", { src: written, detail: decoded.detail }, file.lineSpan(decoded.line)));
    return undefined;
  }
  if (decoded.encoding) report(diagnostic("data/other-encoding", { path: displayPath, encoding: decoded.encoding }, valueSpan));
  const source = replaceControlCharacters(normalizeSource(decoded.text));
  const file = new SourceFile(displayPath, source.text);
  for (const { offset, name, count, lineBreak } of source.found) {
    report(diagnostic("data/control-character", { path: displayPath, character: name, count, lineBreak }, file.span(offset, offset + 1)));
  }
  return { origin: { text: file.text, span: (start, end) => file.span(start, end), whole: valueSpan }, src: path, format };
}

/** A file inside the folder `dir`, for a hint, or a made-up one. */
function exampleInside(dir: string, files: DataFileSource): string {
  try {
    const inside = files.list().find((f) => f.startsWith(`${dir}/`));
    if (inside) return inside;
  } catch {
    // No listing: make one up.
  }
  return `${dir}/file.csv`;
}

function suggestListedFile(path: string, files: DataFileSource): string {
  let list: string[];
  try {
    list = files.list();
  } catch {
    return "";
  }
  return suggestFile(path, list);
}
