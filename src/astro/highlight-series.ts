/**
 * Highlighting: pointing at or focusing a series of a highlightable chart (an element with data-key in
 * an <svg data-highlight>), or a mark in the prose naming that chart (<mark class="plotline-mark"
 * data-chart="chart-<id>" data-key>), dims the chart's other series in all its drawings; leaving puts
 * back the dimming the chart was built with. Listeners sit on the document and look the chart up at each
 * event, so charts drawn again in the browser (hydrate-charts.ts) keep working; that script also sends
 * HIGHLIGHT_EVENT to a series the keyboard steps to in a chart.
 */
const HIGHLIGHT_EVENT = "plotline-highlight";

const keyed = (target: EventTarget | null): HTMLElement | SVGElement | null =>
  target instanceof Element ? target.closest<HTMLElement | SVGElement>("mark.plotline-mark[data-chart][data-key], svg[data-highlight] [data-key]") : null;

function figureOf(element: Element): Element | null {
  const chart = element.getAttribute("data-chart");
  return chart ? document.getElementById(chart) : element.closest("figure");
}

function light(figure: Element, key: string | null, on: boolean): void {
  for (const series of figure.querySelectorAll<SVGElement>("svg[data-highlight] [data-key]")) {
    const built = series.dataset["plotlineDimmed"];
    if (on) {
      if (built === undefined) series.dataset["plotlineDimmed"] = String(series.classList.contains("plotline-dimmed"));
      series.classList.toggle("plotline-dimmed", series.getAttribute("data-key") !== key);
    } else if (built !== undefined) {
      series.classList.toggle("plotline-dimmed", built === "true");
      delete series.dataset["plotlineDimmed"];
    }
  }
}

/** The series lit by the pointer: a chart drawn again under the pointer removes it without a pointerout. */
let pointed: { element: Element; figure: Element } | undefined;

for (const [type, on] of [["pointerover", true], ["pointerout", false], ["focusin", true], ["focusout", false]] as const) {
  document.addEventListener(type, (event) => {
    if (type === "pointerover" && pointed && !pointed.element.isConnected) {
      light(pointed.figure, null, false);
      pointed = undefined;
    }
    const element = keyed(event.target);
    const figure = element && figureOf(element);
    if (!element || !figure) return;
    light(figure, element.getAttribute("data-key"), on);
    if (type === "pointerover") pointed = { element, figure };
  });
}

document.addEventListener(HIGHLIGHT_EVENT, (event) => {
  const element = keyed(event.target);
  const figure = element && figureOf(element);
  if (figure) light(figure, element.getAttribute("data-key"), (event as CustomEvent<boolean>).detail);
});
