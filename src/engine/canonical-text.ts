/**
 * Plain data (what JSON holds, plus dates, maps and sets) written as one text in which two values are
 * equal exactly when their texts are, for hashing. Unlike Node's serialiser, the same number is always
 * written the same way (V8 keeps 120 as an integer or as a double depending on how it was computed).
 * Undefined when the value holds anything else (a function, a class instance, a key that is a symbol),
 * whose meaning the text could not capture.
 */
export function canonicalText(value: unknown): string | undefined {
  const parts: string[] = [];
  return write(value, parts) ? parts.join("") : undefined;
}

function write(value: unknown, parts: string[]): boolean {
  switch (typeof value) {
    case "string":
      parts.push(JSON.stringify(value));
      return true;
    case "number":
      // -0 is drawn like 0 but is another value: kept apart.
      parts.push(Object.is(value, -0) ? "n-0" : `n${value}`);
      return true;
    case "boolean":
      parts.push(value ? "T" : "F");
      return true;
    case "undefined":
      parts.push("U");
      return true;
    case "object":
      break;
    default:
      return false;
  }
  if (value === null) return parts.push("N"), true;
  if (Array.isArray(value)) {
    parts.push("[");
    for (const item of value) if (!write(item, parts)) return false;
    return parts.push("]"), true;
  }
  if (value instanceof Date) return parts.push(`D${value.getTime()}`), true;
  if (value instanceof Map || value instanceof Set) {
    parts.push(value instanceof Map ? "M(" : "S(");
    for (const item of value instanceof Map ? [...value].flat() : value) if (!write(item, parts)) return false;
    return parts.push(")"), true;
  }
  const prototype = Object.getPrototypeOf(value);
  if ((prototype !== Object.prototype && prototype !== null) || Object.getOwnPropertySymbols(value).length > 0) return false;
  parts.push("{");
  for (const [key, item] of Object.entries(value)) {
    parts.push(JSON.stringify(key), ":");
    if (!write(item, parts)) return false;
  }
  return parts.push("}"), true;
}
