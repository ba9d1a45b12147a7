/**
 * A chart's id must not change when a story is edited elsewhere, so that embeds and links keep working:
 * it comes from the block's `id=`, else from its title, and only as a last resort from its position.
 */
export function chartIdFromTitle(title: string | undefined, index: number): string {
  if (title) {
    const ascii = title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .split("-")
      .slice(0, 6)
      .join("-");
    // Titles in Chinese (or mostly so) have no usable letters: use a short hash of the title instead.
    const letters = title.replace(/[^A-Za-z]/g, "").length;
    if (ascii && letters >= title.replace(/\s/g, "").length / 2) return ascii;
    return `chart-${hash(title)}`;
  }
  return `chart-${index + 1}`;
}

/** FNV-1a, 32-bit, as 7 base-36 characters: short, stable, and the same on every platform. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, "0");
}
