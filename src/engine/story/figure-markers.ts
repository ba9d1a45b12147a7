/**
 * A chart's figure holds most of a story page's bytes, and its embed page needs it too: the file store
 * keeps each figure once and the body with a marker where each goes. A story's HTML has no NUL (story
 * files are cleaned of control characters where they are read; chart text goes through xmlText), so no
 * editor's text reads as a marker; a body with a NUL of its own is kept whole instead (see compile-story.ts).
 */
export const figureMarker = (index: number): string => `\u0000plotline-figure:${index}\u0000`;

/** Every marker, its figure's index captured (global: use with replace or matchAll). */
export const figureMarkers = /\u0000plotline-figure:(\d+)\u0000/g;

/** The body with each marker replaced by its figure (by index); a marker without a figure stays as it is. */
export function fillFigureMarkers(body: string, figure: (index: number) => string | undefined): string {
  return body.replace(figureMarkers, (marker, index: string) => figure(Number(index)) ?? marker);
}

/** Whether a body holds a NUL besides its markers (then it cannot be kept apart from its figures). */
export const hasStrayNul = (body: string): boolean => body.replace(figureMarkers, "").includes("\u0000");
