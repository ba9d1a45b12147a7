/**
 * One polite live region for the page, which says what a graphic shows when a scrolly step or a toggle
 * view changes it: the chart's title and its text alternative (data-alt, see figure-html.ts).
 */
let region: HTMLElement | undefined;

/** Creates the region; call it before the first change, since a region added with its text is not read. */
export function prepareAnnouncer(): void {
  if (region) return;
  region = document.createElement("div");
  region.className = "plotline-sr-only";
  region.setAttribute("aria-live", "polite");
  document.body.append(region);
}

/** Announces the state shown in `container` (a step's graphic, a toggle's panel). */
export function announce(container: Element): void {
  prepareAnnouncer();
  const title = container.querySelector(".plotline-title")?.textContent?.trim();
  const alt = container.querySelector<HTMLElement>(".plotline-chart")?.dataset["alt"]?.trim();
  // A Chinese page ends a sentence with 。, not ". " (the title has no full stop of its own).
  const stop = document.documentElement.lang.startsWith("zh") ? "。" : ". ";
  region!.textContent = [title, alt].filter(Boolean).join(stop);
}
