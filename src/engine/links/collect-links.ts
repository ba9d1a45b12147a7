/**
 * Every link and image an editor wrote in a story, found in the page as it will be written (the hast
 * after sanitising, so only what readers get), each with the place in the story file where its address
 * is written: in the parentheses of [text](address), on the definition line of [text][ref], at the
 * attribute of a raw <a href> or <img src>, or the whole of an autolink.
 */
import type { Element, Root as HastRoot } from "hast";
import type { Definition, Root as MdastRoot } from "mdast";
import { visit } from "unist-util-visit";
import type { SourceFile, SourceSpan } from "../diagnostics/source-file.ts";

export interface CollectedLink {
  /** The <a> or <img> on the page, so its address can be rewritten in place. */
  element: Element;
  attribute: "href" | "src";
  kind: "link" | "image";
  /** The address as the page has it (Markdown addresses are already percent-encoded by then). */
  url: string;
  /** The address as the editor wrote it, for messages. */
  written: string;
  /** Where the address is written in the story. */
  span: SourceSpan;
}

type MarkdownLink = { type: "link" | "image" } | { type: "linkReference" | "imageReference"; identifier: string };

export function collectLinks(hast: HastRoot, mdast: MdastRoot, file: SourceFile): CollectedLink[] {
  // Markdown links by the offset they start at: hast elements made from them start at the same place.
  const markdown = new Map<number, MarkdownLink>();
  const definitions = new Map<string, Definition>();
  visit(mdast, (node) => {
    const offset = node.position?.start.offset;
    if (node.type === "definition") {
      // The first definition of a label is the one that counts (CommonMark).
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    } else if (offset !== undefined && (node.type === "link" || node.type === "image")) {
      markdown.set(offset, { type: node.type });
    } else if (offset !== undefined && (node.type === "linkReference" || node.type === "imageReference")) {
      markdown.set(offset, { type: node.type, identifier: node.identifier });
    }
  });

  const links: CollectedLink[] = [];
  const text = file.text;
  visit(hast, "element", (element: Element) => {
    const attribute = element.tagName === "a" ? "href" : element.tagName === "img" ? "src" : undefined;
    const value = attribute === undefined ? undefined : element.properties?.[attribute];
    // Before sanitising, an element the HTML parser never saw closed has a start but no end (hast-util-raw).
    const start = element.position?.start?.offset;
    const end = (element.position?.end as { offset?: number } | undefined)?.offset;
    // Elements without a position are Plotline's or remark's own (footnote back-links), not the editor's.
    if (attribute === undefined || typeof value !== "string" || start === undefined || end === undefined) return;
    const found = addressSpan(file, start, end, markdown.get(start), definitions, attribute);
    const span = found ?? file.span(start, end);
    const written = found ? text.slice(file.offsetAt(found.start), file.offsetAt(found.end)) : value;
    links.push({ element, attribute, kind: attribute === "href" ? "link" : "image", url: value, written, span });
  });
  return links;
}

function addressSpan(
  file: SourceFile,
  start: number,
  end: number,
  markdown: MarkdownLink | undefined,
  definitions: ReadonlyMap<string, Definition>,
  attribute: "href" | "src",
): SourceSpan | undefined {
  const text = file.text;
  if (markdown?.type === "linkReference" || markdown?.type === "imageReference") {
    const definition = definitions.get(markdown.identifier);
    const at = definition?.position?.start.offset;
    if (at === undefined) return undefined;
    const close = labelEnd(text, at);
    return close !== undefined && text[close + 1] === ":" ? destinationSpan(file, close + 2) : undefined;
  }
  if (markdown) {
    const open = text[start] === "!" ? start + 1 : start;
    // <https://…> and bare www.… autolinks are their address.
    if (text[open] === "<" && text[end - 1] === ">") return file.span(start + 1, end - 1);
    if (text[open] !== "[") return file.span(start, end);
    const close = labelEnd(text, open);
    return close !== undefined && text[close + 1] === "(" ? destinationSpan(file, close + 2) : undefined;
  }
  // Raw HTML: the value of the attribute in the start tag.
  const tagEnd = text.indexOf(">", start);
  if (!/^<(a|img)[\s/>]/i.test(text.slice(start, start + 5)) || tagEnd < 0) return undefined;
  const tag = text.slice(start, tagEnd);
  const match = new RegExp(`\\s${attribute}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, "i").exec(tag);
  if (!match) return undefined;
  const value = match[1] ?? match[2] ?? match[3] ?? "";
  const quoted = match[3] === undefined ? 1 : 0;
  const valueStart = start + match.index + match[0].length - value.length - quoted;
  return file.span(valueStart, valueStart + value.length);
}

/** The offset of the "]" closing the label that opens at `open`, skipping escapes and code spans. */
function labelEnd(text: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "`") {
      const run = /^`+/.exec(text.slice(i))![0];
      const closing = text.indexOf(run, i + run.length);
      if (closing >= 0) i = closing + run.length - 1;
      else i += run.length - 1;
    } else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return i;
  }
  return undefined;
}

/** The link destination starting at `from` (after spaces and one line break): <…> or up to a space or the closing ")". */
function destinationSpan(file: SourceFile, from: number): SourceSpan | undefined {
  const text = file.text;
  let start = from;
  while (start < text.length && /[ \t\n]/.test(text[start]!)) start++;
  if (text[start] === "<") {
    const close = text.indexOf(">", start);
    const newline = text.indexOf("\n", start);
    return close < 0 || (newline >= 0 && newline < close) ? undefined : file.span(start + 1, close);
  }
  let depth = 0;
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\") i++;
    else if (/[ \t\n]/.test(c)) break;
    else if (c === "(") depth++;
    else if (c === ")") {
      if (depth === 0) break;
      depth--;
    }
  }
  return i > start ? file.span(start, Math.min(i, text.length)) : undefined;
}
