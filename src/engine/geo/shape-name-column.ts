/**
 * The column that names each shape of a map, for tips and text alternatives: `name` (`name_zh` in a
 * Chinese story, where the base map has it), else the first column of text other than `except`.
 */
export function shapeNameColumn(columns: readonly { name: string; type: string }[], lang: string | undefined, except?: string): string | undefined {
  const has = (name: string) => columns.some((c) => c.name === name);
  if (lang === "zh-CN" && has("name_zh")) return "name_zh";
  if (has("name")) return "name";
  return columns.find((c) => c.type === "string" && c.name !== except)?.name;
}
