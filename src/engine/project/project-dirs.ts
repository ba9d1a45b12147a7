/** Where a Plotline project keeps its stories and data, relative to its root. */
export const storiesDir = "content/stories";
export const dataDir = "data";
