/**
 * What a Pagefind index (a built site's pagefind/) says, whatever order its pages were added in: for
 * each language, every page's fragment (URL, text, meta, filters), every indexed word with the pages and
 * positions it is at, and every filter value with its pages, pages named by URL. Pagefind numbers pages
 * in the order they were indexed and names files by hash, so two indexes of the same pages can differ
 * in bytes and still be the same index: this is what to compare.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

export interface PagefindIndexContents {
  languages: Record<
    string,
    {
      /** URL → the page's fragment as JSON (text, meta, filters, word count, anchors). */
      pages: Record<string, string>;
      /** Word → "URL: positions" for each page it is on, sorted. */
      words: Record<string, string[]>;
      /** Filter → value → URLs, sorted. */
      filters: Record<string, Record<string, string[]>>;
      /** Sort → URLs in its order. */
      sorts: Record<string, string[]>;
    }
  >;
}

export function readPagefindIndex(bundle: string): PagefindIndexContents {
  const entry = JSON.parse(readFileSync(join(bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { hash: string }> };
  const languages: PagefindIndexContents["languages"] = {};
  for (const [language, { hash }] of Object.entries(entry.languages)) {
    // pf_meta: [version, pages: [fragment hash, word count, …][], index chunks: [from, to, hash][], filters: [name, hash][], sorts: [name, page numbers][], …]
    const meta = decodeCbor(unpack(join(bundle, `pagefind.${hash}.pf_meta`))) as unknown[];
    const pageHashes = (meta[1] as [string, number][]).map(([fragment]) => fragment);
    const urls: string[] = [];
    const pages: Record<string, string> = {};
    for (const fragmentHash of pageHashes) {
      const fragment = unpack(join(bundle, "fragment", `${fragmentHash}.pf_fragment`)).toString("utf8");
      const url = (JSON.parse(fragment) as { url: string }).url;
      urls.push(url);
      pages[url] = fragment;
    }
    const words: Record<string, string[]> = {};
    for (const [, , chunkHash] of meta[2] as [string, string, string][]) {
      // pf_index: [words: [word, pages: [page number, positions, …][]][]], each page number as the step from the one before
      const [chunk] = decodeCbor(unpack(join(bundle, "index", `${chunkHash}.pf_index`))) as [[string, [number, ...unknown[]][]][]];
      for (const [word, on] of chunk) {
        let page = 0;
        words[word] = on.map(([step, ...positions]) => `${urls[(page += step)]}: ${JSON.stringify(positions)}`).sort();
      }
    }
    const filters: Record<string, Record<string, string[]>> = {};
    for (const [name, filterHash] of (meta[3] ?? []) as [string, string][]) {
      // pf_filter: [name, values: [value, page numbers][]]
      const [, values] = decodeCbor(unpack(join(bundle, "filter", `${filterHash}.pf_filter`))) as [string, [string, number[]][]];
      filters[name] = Object.fromEntries(values.map(([value, on]) => [value, on.map((page) => urls[page]!).sort()]));
    }
    const sorts = Object.fromEntries(((meta[4] ?? []) as [string, number[]][]).map(([name, order]) => [name, order.map((page) => urls[page]!)]));
    languages[language] = { pages, words, filters, sorts };
  }
  return { languages };
}

/** A Pagefind file: gzipped, then the signature "pagefind_dcd", then the content. */
function unpack(file: string): Buffer {
  const data = gunzipSync(readFileSync(file));
  const signature = "pagefind_dcd";
  if (data.subarray(0, signature.length).toString("latin1") !== signature) throw new Error(`${file} is not a Pagefind file`);
  return data.subarray(signature.length);
}

/** The CBOR Pagefind writes (minicbor): unsigned and negative integers, text, arrays, maps; definite lengths. */
export function decodeCbor(bytes: Buffer): unknown {
  let at = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = 1 << (info - 24);
    const value = size === 8 ? Number(bytes.readBigUInt64BE(at)) : bytes.readUIntBE(at, size);
    at += size;
    return value;
  };
  const next = (): unknown => {
    const head = bytes[at++]!;
    const [major, info] = [head >> 5, head & 31];
    const n = length(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
      case 3: {
        const data = bytes.subarray(at, at + n);
        at += n;
        return major === 3 ? data.toString("utf8") : data;
      }
      case 4:
        return Array.from({ length: n }, next);
      case 5:
        return Object.fromEntries(Array.from({ length: n }, () => [next(), next()]));
      default:
        if (head === 0xf4 || head === 0xf5) return head === 0xf5;
        throw new Error(`Pagefind index: CBOR item ${head.toString(16)} not read`);
    }
  };
  return next();
}
