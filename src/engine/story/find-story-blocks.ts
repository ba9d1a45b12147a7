import type { Code, Root } from "mdast";
import { visit } from "unist-util-visit";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { SourceFile } from "../diagnostics/source-file.ts";
import { BlockBody } from "./block-body.ts";
import { parseInfoString, type BlockAttribute } from "./parse-info-string.ts";
import type { BlockKind, StoryBlock } from "./story-block.ts";

export const blockAttributes: Record<BlockKind, readonly string[]> = {
  data: ["id", "format", "src", "show", "types", "source", "title"],
  plot: ["data", "id"],
};

const isBlockKind = (lang: string | null | undefined): lang is BlockKind => lang === "data" || lang === "plot";

/** Finds the data and chart blocks of a parsed story and reads their info strings. */
export function findStoryBlocks(tree: Root, file: SourceFile): { blocks: StoryBlock[]; diagnostics: Diagnostic[] } {
  const blocks: StoryBlock[] = [];
  const diagnostics: Diagnostic[] = [];
  const counts: Record<BlockKind, number> = { data: 0, plot: 0 };

  visit(tree, "code", (node: Code) => {
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
    const body = new BlockBody(file, node.value, fenceLine + 1);
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
