/**
 * A story page as Pagefind reads it, without what it would drop anyway: every <script> and <svg>
 * element (Pagefind skips both) and each chart's data (`<div class="plotline-figure-data">`, left out
 * by searchExcludedSelectors). A story page of five charts is some 580 KB, nine tenths of it drawn
 * charts; this copy is about 10 KB, and Pagefind reads it six times faster into the same index (the
 * search-index tests compare it with an index read from the whole pages).
 *
 * The page is scanned tag by tag, quoted attribute values skipped whole, so a `<svg` written in an
 * attribute (an alt text, a headline in a meta tag) is never taken for a tag. Every marker looked for
 * is ASCII, so the page may be given as UTF-8 text or as bytes read as latin1 (faster to read and
 * write, and kept byte for byte).
 */
export function searchablePage(html: string): string {
  const kept: string[] = [];
  let from = 0;
  for (let tag = nextTag(html, 0); tag; ) {
    const dropTo = tag.closing ? undefined : droppedElementEnd(html, tag);
    if (dropTo !== undefined) {
      kept.push(html.slice(from, tag.start));
      from = dropTo;
    }
    tag = nextTag(html, dropTo ?? after(html, tag));
  }
  kept.push(html.slice(from));
  return kept.join("");
}

/** The class the chart data of a figure carries (figure-html.ts); searchExcludedSelectors leaves it out. */
export const figureDataClass = "plotline-figure-data";

interface Tag {
  name: string;
  start: number;
  /** Just after its ">". */
  end: number;
  closing: boolean;
  /** Ends with "/>": an empty element in SVG; HTML elements other than void ones ignore the slash. */
  selfClosing: boolean;
}

/** Where the element starting with `tag` ends, if it is one Pagefind never reads. */
function droppedElementEnd(html: string, tag: Tag): number | undefined {
  if (tag.name === "script") return afterRawText(html, tag);
  if (tag.name === "svg") return tag.selfClosing ? tag.end : matchingEnd(html, tag);
  if (tag.name === "div" && classes(html, tag).includes(figureDataClass)) return matchingEnd(html, tag);
  return undefined;
}

/** Just after the end tag that closes `open` (same name, nesting counted), or the page's end. */
function matchingEnd(html: string, open: Tag): number {
  let depth = 1;
  for (let tag = nextTag(html, open.end); tag; tag = nextTag(html, after(html, tag))) {
    if (tag.name !== open.name) continue;
    if (tag.closing) {
      if (--depth === 0) return tag.end;
    } else if (!(tag.selfClosing && tag.name === "svg")) depth += 1;
  }
  return html.length;
}

/** The first tag at or after `at`, passing over comments and any "<" that starts no tag. */
function nextTag(html: string, at: number): Tag | undefined {
  while ((at = html.indexOf("<", at)) !== -1) {
    if (html.startsWith("<!--", at)) {
      at = afterComment(html, at);
      continue;
    }
    const tag = readTag(html, at);
    if (tag) return tag;
    at += 1;
  }
  return undefined;
}

/** Where to look for the next tag after `tag`: past a raw-text element's text too. */
const after = (html: string, tag: Tag): number => (tag.closing ? tag.end : afterRawText(html, tag));

/** Elements whose content is text up to their end tag, never tags. */
const rawText = new Set(["script", "style", "textarea", "title"]);

/** After a start tag: for a raw-text element, just after its end tag; otherwise just after the tag. */
function afterRawText(html: string, tag: Tag): number {
  if (!rawText.has(tag.name)) return tag.end;
  const close = html.indexOf(`</${tag.name}`, tag.end);
  if (close === -1) return html.length;
  const end = html.indexOf(">", close);
  return end === -1 ? html.length : end + 1;
}

function afterComment(html: string, at: number): number {
  const end = html.indexOf("-->", at + 4);
  return end === -1 ? html.length : end + 3;
}

const isNameStart = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const isNameChar = (code: number) => isNameStart(code) || (code >= 48 && code <= 57) || code === 45 || code === 58;

/** The tag at `at` (a "<"), or undefined if the "<" starts none (text, a doctype). */
function readTag(html: string, at: number): Tag | undefined {
  const closing = html.charCodeAt(at + 1) === 47;
  let p = at + (closing ? 2 : 1);
  if (!isNameStart(html.charCodeAt(p))) return undefined;
  const nameStart = p;
  while (isNameChar(html.charCodeAt(p))) p += 1;
  const name = html.slice(nameStart, p).toLowerCase();
  // Attributes: quoted values are skipped whole, so neither ">" nor "<" inside them counts.
  let selfClosing = false;
  for (;;) {
    const code = html.charCodeAt(p);
    if (Number.isNaN(code)) return { name, start: at, end: html.length, closing, selfClosing };
    if (code === 62) return { name, start: at, end: p + 1, closing, selfClosing };
    if (code === 34 || code === 39) {
      const close = html.indexOf(code === 34 ? '"' : "'", p + 1);
      if (close === -1) return { name, start: at, end: html.length, closing, selfClosing };
      p = close + 1;
      selfClosing = false;
      continue;
    }
    selfClosing = code === 47;
    p += 1;
  }
}

/** The class names of a start tag. */
function classes(html: string, tag: Tag): string[] {
  const attributes = html.slice(tag.start, tag.end);
  const value = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(attributes);
  return (value?.[1] ?? value?.[2] ?? value?.[3] ?? "").split(/\s+/);
}
