import { join } from "node:path";
import { repoRoot } from "../support/temp-project.ts";

/**
 * The test sites whose browser tests only open their own stories' pages (maps, stories that move,
 * crowded charts, aggregated data, Chinese large numbers), as one site: one build instead of five (each
 * costs Astro's start and the compile workers'; 10–20 s). A story's page is the same in either: it names
 * no other story, and no two of these sites share a story or data file (createTempProject refuses that).
 * A site whose tests count stories or list pages, or need another address, keeps a build of its own.
 */
export const fixtureSite = ["maps", "moving", "crowding", "aggregated", "large-numbers"].map((name) => join(repoRoot, "tests", "sites", name));
