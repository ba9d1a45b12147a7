/** The path under data/ that `src` names, or undefined if it points outside data/. */
export function resolveSrc(src: string): string | undefined {
  if (src.startsWith("/") || src.startsWith("~/") || src.includes("\\") || /^[A-Za-z]:/.test(src) || /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(src)) {
    return undefined;
  }
  const segments: string[] = [];
  for (const segment of src.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return segments.join("/");
}
