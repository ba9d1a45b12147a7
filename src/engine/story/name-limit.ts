/**
 * Story slugs and chart ids become names of files and folders of the site: stories/<slug>/,
 * _plotline/cards/<slug>.png, _plotline/charts/<slug>/<chart>.png and .svg, _plotline/data/<slug>/<chart>.csv,
 * embed/<slug>/<chart>/, and the files readers download, <slug>-<chart>.png. File systems allow 255 bytes
 * per name (NAME_MAX); 100 keeps every one of those, the longest being two names joined with an
 * extension, well within it.
 */
export const MAX_NAME_BYTES = 100;

const utf8 = new TextEncoder();

/** The length of a name as file systems count it: bytes of UTF-8. */
export const nameBytes = (name: string): number => utf8.encode(name).length;

/** Whether a slug or chart id would make a file or folder name longer than file systems allow. */
export const isNameTooLong = (name: string): boolean => nameBytes(name) > MAX_NAME_BYTES;

/**
 * A slug or id (lowercase letters, digits and "-") cut to at most `max` bytes, at a "-" when one is
 * near enough that no word is cut in half.
 */
export function shortenName(name: string, max = MAX_NAME_BYTES): string {
  if (nameBytes(name) <= max) return name;
  let cut = "";
  for (const char of name) {
    if (nameBytes(cut + char) > max) break;
    cut += char;
  }
  const lastDash = cut.lastIndexOf("-");
  const atWord = name[cut.length] === "-" ? cut : lastDash >= max / 2 ? cut.slice(0, lastDash) : cut;
  return atWord.replace(/-+$/, "");
}
