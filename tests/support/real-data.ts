import { join } from "node:path";
import { repoRoot } from "./temp-project.ts";

/**
 * The real public datasets of shared/realdata (read-only), which sit beside the repository in every
 * checkout this project is built from, CI included.
 */
export const realDataDir = process.env["PLOTLINE_REALDATA"] ?? join(repoRoot, "..", "shared", "realdata");
