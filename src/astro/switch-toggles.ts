/**
 * Toggles (see src/engine/story/lay-out-sections.ts) as WAI-ARIA tabs: a click or the arrow keys, Home
 * and End select a view (the focused tab is the only one in the Tab order). The panels share one grid
 * cell and the hidden ones keep their size (visibility, not display), so switching moves nothing.
 */
import { announce, prepareAnnouncer } from "./announce-state.ts";

const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

for (const list of document.querySelectorAll<HTMLElement>(".plotline-tabs")) {
  const tabs = [...list.querySelectorAll<HTMLElement>("[role=tab]")];
  prepareAnnouncer();
  const select = (tab: HTMLElement) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(other.getAttribute("aria-controls")!);
      panel?.classList.toggle("plotline-view-selected", selected);
      if (selected && panel) announce(panel);
    }
  };
  list.addEventListener("click", (event) => {
    const tab = (event.target as Element).closest<HTMLElement>("[role=tab]");
    if (tab && tab.getAttribute("aria-selected") !== "true") select(tab);
  });
  list.addEventListener("keydown", (event) => {
    const move = MOVES[event.key];
    const at = tabs.indexOf(event.target as HTMLElement);
    if (!move || at < 0) return;
    event.preventDefault();
    const tab = tabs[move(at, tabs.length)]!;
    tab.focus();
    select(tab);
  });
}
