/**
 * Headlines, notes and sources are prose, and prose has colons ("Analysis: why …") and hashes
 * ("ranked #1") that YAML would read as keys and comments. For the keys named here, at the top level,
 * a value written on one line without quotes is taken as the whole rest of the line, exactly as typed.
 * Only that line changes, so positions on every other line stay where they were.
 */
export function quoteProseValues(yaml: string, keys: readonly string[]): string {
  const keyPattern = new RegExp(`^(${keys.join("|")}):([ \\t]+)(.*?)[ \\t]*$`);
  return yaml
    .split("\n")
    .map((line) => {
      const match = keyPattern.exec(line);
      if (!match) return line;
      const [, key, space, value] = match as unknown as [string, string, string, string];
      // Quoted, block (| >) and flow ([ {) values are YAML the editor wrote on purpose; a leading
      // * & ! in a headline or note ("*estimated") is prose, which YAML would read as an alias or tag.
      if (value === "" || /^["'|>[{]/.test(value)) return line;
      if (!/:\s|\s#|:$|^[*&!]/.test(value)) return line;
      return `${key}:${space}${JSON.stringify(value)}`;
    })
    .join("\n");
}
