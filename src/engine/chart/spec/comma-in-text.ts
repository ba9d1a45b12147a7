import { type Document, isMap, isScalar, visit } from "yaml";

export interface CommaInText {
  /** The option whose text the comma cut short. */
  key: string;
  /** The whole text as the editor wrote it, up to the next comma or brace. */
  text: string;
  start: number;
  end: number;
}

/**
 * Inside `{ … }` a comma separates options, so `{label: Deaths per 1,000 a year}` reads as the label
 * "Deaths per 1" and an option called "000 a year" with no value. Finds the first such cut: an unquoted
 * text followed by a "key" that has no colon and is no option name (it holds a space or starts with a
 * digit), so it was the rest of the text.
 */
export function findCommaInText(doc: Document, yamlText: string): CommaInText | undefined {
  let found: CommaInText | undefined;
  visit(doc, {
    Map(_, map) {
      if (!isMap(map) || !map.flow) return;
      for (let i = 1; i < map.items.length; i++) {
        const before = map.items[i - 1]!;
        const after = map.items[i]!;
        if (after.value !== null || !isScalar(after.key) || typeof after.key.value !== "string" || /^[A-Za-z_$][\w$]*$/.test(after.key.value)) continue;
        if (!isScalar(before.key) || !isScalar(before.value) || before.value.type !== "PLAIN" || !before.value.range || !after.key.range) continue;
        const start = before.value.range[0];
        const end = after.key.range[1];
        found = { key: String(before.key.value), text: yamlText.slice(start, end), start, end };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
