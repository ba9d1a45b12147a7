import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every file under `dir`, as paths relative to it with "/", sorted by name at each level; none if it does not exist. */
export function filesUnder(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
}
