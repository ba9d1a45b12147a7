/**
 * Headlines, notes and sources are prose, and prose has colons ("Analysis: why …") and hashes
 * ("ranked #1") that YAML would read as keys and comments. For the keys named here, at the top level,
 * a value written on one line without quotes is taken as the whole rest of the line, exactly as typed.
 * Only that line changes, so positions on every other line stay where they were.
 *
 * Linear in the length of each line: no pattern here can backtrack over a long run of spaces (a lazy
 * `(.*?)[ \t]*$` did, and took a minute over a value of 320,000 spaces).
 */
export function quoteProseValues(yaml: string, keys: readonly string[]): string {
  const keyPattern = new RegExp(`^(?:${keys.join("|")}):[ \\t]`);
  return yaml
    .split("\n")
    .map((line) => {
      const keyMatch = keyPattern.exec(line);
      if (!keyMatch) return line;
      const colon = keyMatch[0].length - 2;
      const valueStart = skipBlanks(line, colon + 1);
      const value = line.slice(valueStart, trimmedEnd(line, valueStart));
      // Line breaks other than \n are not ones YAML would keep inside a plain value: leave such lines alone.
      if (/[\r\u2028\u2029]/.test(value)) return line;
      // Quoted, block (| >) and flow ([ {) values are YAML the editor wrote on purpose; a leading
      // * & ! in a headline or note ("*estimated") is prose, which YAML would read as an alias or tag.
      if (value === "" || /^["'|>[{]/.test(value)) return line;
      if (!/:\s|\s#|:$|^[*&!]/.test(value)) return line;
      return `${line.slice(0, valueStart)}${JSON.stringify(value)}`;
    })
    .join("\n");
}

const isBlank = (code: number) => code === 0x20 || code === 0x09;

function skipBlanks(line: string, from: number): number {
  let i = from;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  return i;
}

/** The end of `line` without its trailing spaces and tabs, not before `from`. */
function trimmedEnd(line: string, from: number): number {
  let end = line.length;
  while (end > from && isBlank(line.charCodeAt(end - 1))) end--;
  return end;
}
