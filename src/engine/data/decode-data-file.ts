/**
 * Turns the bytes of a data file into text, the way an editor's tools saved it.
 *
 * - UTF-8 is the format: read as it is, a byte-order mark dropped (a file with a BOM reads exactly like
 *   one without).
 * - UTF-16 (Excel's "Unicode Text", Windows Notepad's "Unicode") is read, with a note to re-save it.
 * - GB18030 / GBK (what Excel saves a CSV as on Chinese Windows) is read when the bytes are
 *   unmistakably Chinese text in it, with a note to re-save it. Other legacy encodings (Windows-1252,
 *   Big5, …) cannot be told apart reliably, so they are refused with the line of the first bad byte
 *   rather than read as garbled letters.
 * - Files that are not text at all (images, spreadsheets, PDFs, archives) are named for what they are.
 */
export type DecodedDataFile =
  /** `encoding` is set when the file was not UTF-8 and was read in another encoding. */
  | { ok: true; text: string; encoding?: "UTF-16" | "GB18030" }
  /** Not text: `what` names the kind of file ("a PNG image"). */
  | { ok: false; problem: "binary"; what: string; spreadsheet: boolean }
  /** Text in an encoding Plotline does not guess; `line` is where the first byte that is not UTF-8 is. */
  | { ok: false; problem: "encoding"; detail: string; line: number };

interface Signature {
  bytes: readonly (number | undefined)[];
  what: string;
  spreadsheet?: boolean;
}

/** The first bytes of file kinds that end up in data/ by mistake (undefined: any byte). */
const signatures: readonly Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x52, 0x49, 0x46, 0x46, undefined, undefined, undefined, undefined, 0x57, 0x45, 0x42, 0x50], what: "a WebP image" },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: "a PDF document" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "an Excel workbook (.xlsx), or another zipped file", spreadsheet: true },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: "an old-style Excel workbook (.xls), or another Office file", spreadsheet: true },
  { bytes: [0x1f, 0x8b], what: "a gzip-compressed file" },
  { bytes: [0x50, 0x41, 0x52, 0x31], what: "a Parquet file" },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x20, 0x33, 0x00], what: "an SQLite database" },
];

const startsWith = (bytes: Uint8Array, signature: Signature) =>
  bytes.length >= signature.bytes.length && signature.bytes.every((b, i) => b === undefined || bytes[i] === b);

export function decodeDataFile(bytes: Uint8Array): DecodedDataFile {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return decodeUtf16(bytes.subarray(2), bytes[0] === 0xff ? "utf-16le" : "utf-16be");
  }
  const signature = signatures.find((s) => startsWith(bytes, s));
  if (signature) return { ok: false, problem: "binary", what: signature.what, spreadsheet: signature.spreadsheet ?? false };
  if (bytes.indexOf(0) >= 0) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return decodeUtf16(bytes, utf16);
    return { ok: false, problem: "binary", what: "a binary file (it holds zero bytes, which text files never do)", spreadsheet: false };
  }
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): DecodedDataFile {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // Not UTF-8: below.
  }
  if (looksLikeGb18030(bytes)) {
    try {
      return { ok: true, text: new TextDecoder("gb18030", { fatal: true }).decode(bytes), encoding: "GB18030" };
    } catch {
      // Not GB18030 after all.
    }
  }
  const bad = firstInvalidUtf8(bytes);
  const line = lineOf(bytes, bad);
  return {
    ok: false,
    problem: "encoding",
    detail: `line ${line} holds bytes that are not UTF-8; it may be saved as Windows-1252 (Western European), Big5, GBK or another older encoding`,
    line,
  };
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): DecodedDataFile {
  try {
    // The byte-order mark is already removed; a second one would be text.
    return { ok: true, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), encoding: "UTF-16" };
  } catch {
    return { ok: false, problem: "encoding", detail: "it starts like UTF-16 text but is cut short or damaged", line: 1 };
  }
}

/**
 * UTF-16 without a byte-order mark: ASCII characters (digits, commas, line breaks) have a zero byte on
 * the same side of every pair, and nothing has a zero on the other side.
 */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = bytes.length / 2;
  if (evenZeros === 0 && oddZeros >= pairs / 4) return "utf-16le";
  if (oddZeros === 0 && evenZeros >= pairs / 4) return "utf-16be";
  return undefined;
}

/**
 * Whether bytes that are not UTF-8 are Chinese text in GB18030 (a superset of GBK and GB2312).
 * Chinese text uses overwhelmingly the GB2312 characters, whose two bytes are both 0xA1 or more;
 * Western European text in Windows-1252 puts an accented letter (0xC0–0xFF) before a plain ASCII
 * letter or punctuation, which is either invalid in GB18030 or outside GB2312. So the bytes count
 * as GB18030 only if at least 90% of their two-byte characters are GB2312 hanzi or punctuation.
 */
function looksLikeGb18030(bytes: Uint8Array): boolean {
  let common = 0;
  let other = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = bytes[i + 1];
    if (lead === 0x80 || lead === 0xff || trail === undefined) return false;
    if (trail >= 0x30 && trail <= 0x39) {
      // A four-byte character: rare in real Chinese text.
      other++;
      i += 4;
      continue;
    }
    const hanzi = lead >= 0xb0 && lead <= 0xf7;
    const punctuation = lead >= 0xa1 && lead <= 0xa3;
    if ((hanzi || punctuation) && trail >= 0xa1 && trail <= 0xfe) common++;
    else other++;
    i += 2;
  }
  return common > 0 && common >= 0.9 * (common + other);
}

function lineOf(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return 0;
}
