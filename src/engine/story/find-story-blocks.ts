import type { Code, Root } from "mdast";
import { visit } from "unist-util-visit";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { SourceFile } from "../diagnostics/source-file.ts";
import { BlockBody } from "./block-body.ts";
import { parseInfoString, type BlockAttribute } from "./parse-info-string.ts";
import type { BlockKind, StoryBlock } from "./story-block.ts";

export const blockAttributes: Record<BlockKind, readonly string[]> = {
  data: ["id", "format", "src", "show", "types", "missing", "source", "title", "basemap", "object", "join", "on"],
  plot: ["data", "id", "label", "extends"],
};

const isBlockKind = (lang: string | null | undefined): lang is BlockKind => lang === "data" || lang === "plot";

/**
 * The block an editor probably meant by a code block's language, if it looks like a misspelt or
 * miscased Plotline block (```Plot, ```chart, ```plto, ```dat); undefined for a real code listing.
 */
function meantBlockKind(lang: string | null | undefined): BlockKind | undefined {
  if (!lang || isBlockKind(lang)) return undefined;
  const word = lang.toLowerCase();
  if (/^(plot|chart|graph|vega|vega-lite|observable|plt|plto|pllot|polt|ploy|plots|charts)$/.test(word)) return "plot";
  if (/^(data|dat|dta|daat|datas|dataset|table|csv)$/.test(word)) return "data";
  return undefined;
}

/** Finds the data and chart blocks of a parsed story and reads their info strings. */
export function findStoryBlocks(tree: Root, file: SourceFile): { blocks: StoryBlock[]; diagnostics: Diagnostic[] } {
  const blocks: StoryBlock[] = [];
  const diagnostics: Diagnostic[] = [];
  const counts: Record<BlockKind, number> = { data: 0, plot: 0 };

  visit(tree, "code", (node: Code) => {
    const meant = node.position ? meantBlockKind(node.lang) : undefined;
    if (meant) {
      const line = node.position!.start.line;
      const text = file.lineText(line);
      const at = text.indexOf(node.lang!);
      const start = file.offsetAt({ line, column: at + 1 });
      diagnostics.push(diagnostic("block/unknown-kind", { lang: node.lang!, meant }, file.span(start, start + node.lang!.length)));
    }
    if (!isBlockKind(node.lang) || !node.position) return;
    const kind = node.lang;
    const fenceLine = node.position.start.line;
    const fenceText = file.lineText(fenceLine);
    const fenceSpan = file.lineSpan(fenceLine);
    const lineStart = file.offsetAt({ line: fenceLine, column: 1 });
    // Read the info string from the source line itself: remark unescapes backslashes in node.meta,
    // which would shift every position after them.
    const fence = /^(\s*(?:>\s*)*)(`{3,}|~{3,})\s*/.exec(fenceText);
    const langStart = fence ? fence[0].length : fenceText.indexOf(kind);
    const afterLang = fenceText.slice(langStart + kind.length);
    const infoIndex = langStart + kind.length + (afterLang.length - afterLang.trimStart().length);
    const info = fenceText.slice(infoIndex).trimEnd();
    const infoOffset = lineStart + infoIndex;

    const attributes = new Map<string, BlockAttribute>();
    const parsed = parseInfoString(info);
    if (parsed.error) {
      diagnostics.push(
        diagnostic("block/attribute-syntax", { detail: parsed.error.detail }, file.span(infoOffset + parsed.error.offset, infoOffset + info.length)),
      );
    }
    {
      // Attributes read before a problem still count, so one typo does not also lose the block's id.
      for (const attribute of parsed.attributes) {
        const span = file.span(infoOffset + attribute.start, infoOffset + attribute.end);
        if (!blockAttributes[kind].includes(attribute.name)) {
          diagnostics.push(
            diagnostic(
              "block/unknown-attribute",
              {
                block: kind,
                name: attribute.name,
                suggestion: didYouMean(attribute.name, blockAttributes[kind]),
                known: blockAttributes[kind],
              },
              span,
            ),
          );
        } else if (attributes.has(attribute.name)) {
          diagnostics.push(diagnostic("block/duplicate-attribute", { name: attribute.name }, span));
        } else {
          attributes.set(attribute.name, attribute);
        }
      }
    }

    // Body lines start on the line after the fence; an empty block has no body lines.
    // A block that is not closed runs on over the rest of the story: it is reported, and only its own
    // lines (up to the first blank line or the next block) are read, so the error is not buried under
    // errors about prose read as data.
    const unclosed = fence ? findUnclosed(node, file, fence[2]!) : undefined;
    if (unclosed) {
      diagnostics.push(
        diagnostic(
          "block/unclosed-fence",
          {
            kind,
            fence: fence![2]!,
            lastLine: unclosed.lastLine,
            closeAfter: unclosed.ownLines > 0 ? fenceLine + unclosed.ownLines : fenceLine,
            ...(unclosed.swallowed !== undefined ? { swallowed: unclosed.swallowed } : {}),
          },
          fenceSpan,
        ),
      );
    }
    const bodyText = unclosed ? node.value.split("\n").slice(0, unclosed.ownLines).join("\n") : node.value;
    const body = new BlockBody(file, bodyText, fenceLine + 1);
    const block: StoryBlock = {
      kind,
      node,
      index: counts[kind]++,
      attributes,
      body,
      fenceSpan,
      attributeSpan(name, part = "whole") {
        const attribute = attributes.get(name);
        if (!attribute) return fenceSpan;
        const start = part === "value" && attribute.value !== true ? attribute.valueStart : attribute.start;
        // A quoted value ends before its closing quote; escapes make it longer than the value itself.
        const quoted = attribute.value !== true && attribute.end > attribute.valueStart && /["']/.test(info[attribute.end - 1] ?? "");
        const end = part === "value" && attribute.value !== true ? (quoted ? attribute.end - 1 : attribute.valueStart + attribute.value.length) : attribute.end;
        return file.span(infoOffset + start, infoOffset + end);
      },
      attribute(name) {
        const value = attributes.get(name)?.value;
        return typeof value === "string" ? value : undefined;
      },
      flag(name) {
        const value = attributes.get(name)?.value;
        return value === true || (typeof value === "string" && /^(true|yes)$/i.test(value));
      },
    };
    blocks.push(block);
  });
  return { blocks, diagnostics };
}

/** A line that could close a fence: only backticks or tildes, after any blockquote markers and indentation. */
const CLOSING = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})[ \t]*$/;
/** A line that opens another fenced block: a fence followed by a language. */
const OPENING = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})[ \t]*([^\s`].*)$/;

/**
 * Whether a fenced block was left open. Markdown lets an unclosed fence run to the end of the story
 * (or of its list item or quote), and lets it be closed by the closing fence of the next block, whose
 * opening line is then read as a line of this one. Both are found here: the block's last line is not a
 * closing fence, or one of its lines opens another block. `ownLines` is how many lines likely belong to
 * the block: those before the first blank line or the next block.
 */
function findUnclosed(node: Code, file: SourceFile, opening: string): { lastLine: number; ownLines: number; swallowed?: number } | undefined {
  const start = node.position!.start.line;
  const end = node.position!.end.line;
  const matches = (marker: string | undefined) => marker !== undefined && marker[0] === opening[0] && marker.length >= opening.length;
  const closed = end > start && matches(CLOSING.exec(file.lineText(end))?.[1]);
  const lastLine = closed ? end - 1 : end;
  let swallowed: number | undefined;
  for (let line = start + 1; line <= lastLine; line++) {
    const open = OPENING.exec(file.lineText(line));
    if (open && matches(open[1]) && !(open[1]!.startsWith("`") && open[2]!.includes("`"))) {
      swallowed = line;
      break;
    }
  }
  if (closed && swallowed === undefined) return undefined;
  const valueLines = node.value === "" ? 0 : node.value.split("\n").length;
  let ownLines = 0;
  const stop = Math.min(swallowed ?? Infinity, start + valueLines + 1);
  for (let line = start + 1; line < stop; line++) {
    if (file.lineText(line).replace(/^(?:[ \t]*>)*/, "").trim() === "") break;
    ownLines++;
  }
  // Blank lines at the end of the story are not "read as part of the block" in any way an editor sees.
  let lastContent = lastLine;
  while (lastContent > start && file.lineText(lastContent).replace(/^(?:[ \t]*>)*/, "").trim() === "") lastContent--;
  return { lastLine: lastContent, ownLines, ...(swallowed !== undefined ? { swallowed } : {}) };
}
