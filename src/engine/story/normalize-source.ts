/**
 * Editors' files come from many editors and operating systems. A byte-order mark and Windows line
 * ends change nothing an editor can see, so they are removed before parsing; lines and columns stay the same.
 */
export function normalizeSource(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}
