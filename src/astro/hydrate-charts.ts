/**
 * Makes the server-drawn charts of a page interactive, lazily: nothing but this small script runs
 * before a reader touches a chart. On the first pointer, touch or keyboard focus on a chart with tips
 * (or a crosshair: publish/interactive-chart.ts; the others are never drawn again), the chart
 * code (Plot, about 80 KB gzipped, shared by all charts) is loaded once, the chart is drawn again at the
 * same size in the same place (so nothing moves), and Plot's tips work from then on. Keyboard readers
 * step through the marks with the arrow keys; Escape hides the tip. If anything fails, the chart stays
 * as the server drew it and the reason is logged.
 */
import type { ChartPayload } from "../engine/chart/publish/chart-payload.ts";
import { unlabelGroups } from "../engine/chart/render/tidy-plot-element.ts";

type Runtime = typeof import("../engine/chart/publish/browser-chart.ts");
let runtime: Promise<Runtime> | undefined;
const loadRuntime = () => (runtime ??= import("../engine/chart/publish/browser-chart.ts"));

interface ChartState {
  payload?: Promise<ChartPayload>;
  /** Variants (wide, narrow) already drawn again, or being drawn. */
  live: WeakMap<Element, Promise<SVGSVGElement | undefined>>;
  focus: number;
  /** The series the keyboard lit (highlight-series.ts), if any. */
  lit?: Element;
  status?: HTMLElement;
}
const states = new WeakMap<HTMLElement, ChartState>();
const lang = document.documentElement.lang || "en";

function stateOf(chart: HTMLElement): ChartState {
  let state = states.get(chart);
  if (!state) states.set(chart, (state = { live: new WeakMap(), focus: -1 }));
  return state;
}

function loadPayload(figure: Element): Promise<ChartPayload> {
  const inline = figure.querySelector("script.plotline-spec");
  if (inline?.textContent) return Promise.resolve(JSON.parse(inline.textContent) as ChartPayload);
  const url = figure.getAttribute("data-plotline-payload");
  if (!url) return Promise.reject(new Error("the figure has no chart data"));
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json() as Promise<ChartPayload>;
  });
}

const visibleVariant = (chart: HTMLElement) =>
  [...chart.querySelectorAll<HTMLElement>(".plotline-variant")].find((variant) => variant.getClientRects().length > 0);

/** Draws the visible variant of a chart again, interactive; resolves to its SVG (undefined if that failed). */
function activate(chart: HTMLElement): Promise<SVGSVGElement | undefined> {
  const variant = visibleVariant(chart);
  const figure = chart.closest("figure");
  if (!variant || !figure) return Promise.resolve(undefined);
  const state = stateOf(chart);
  let drawn = state.live.get(variant);
  if (!drawn) {
    state.payload ??= loadPayload(figure);
    drawn = Promise.all([loadRuntime(), state.payload])
      .then(([{ drawChart }, payload]) => {
        const element = drawChart(payload, { width: Number(variant.dataset["width"]) || 640, lang });
        keepHighlight(variant, element);
        variant.replaceChildren(element);
        if (!state.status) {
          state.status = document.createElement("p");
          state.status.className = "plotline-sr-only";
          state.status.setAttribute("role", "status");
          chart.append(state.status);
        }
        const svg = (element.matches("svg") ? element : element.querySelector("svg[role='img']")) as SVGSVGElement | undefined;
        // Plot draws each tip anew, labelled for screen readers; inside an image that label is never
        // read, so it is moved aside as on the server (see tidy-plot-element.ts).
        if (svg) new MutationObserver(() => unlabelGroups(svg)).observe(svg, { childList: true, subtree: true });
        return svg;
      })
      .catch((error: unknown) => {
        console.warn("Plotline: this chart could not be made interactive and stays as drawn.", error);
        return undefined;
      });
    state.live.set(variant, drawn);
  }
  return drawn;
}

/**
 * The new drawing shows the series lit as the old one did (words in the prose may light one while the
 * chart is drawn again), and remembers the build's dimming as highlight-series.ts does.
 */
function keepHighlight(old: Element, drawing: Element): void {
  const states = new Map<string, { dimmed: boolean; built?: string }>();
  for (const series of old.querySelectorAll<SVGElement>("svg[data-highlight] [data-key]")) {
    states.set(series.getAttribute("data-key")!, { dimmed: series.classList.contains("plotline-dimmed"), built: series.dataset["plotlineDimmed"] });
  }
  for (const series of drawing.querySelectorAll<SVGElement>("svg[data-highlight] [data-key]")) {
    const state = states.get(series.getAttribute("data-key")!);
    if (state?.built === undefined) continue;
    series.dataset["plotlineDimmed"] = state.built;
    series.classList.toggle("plotline-dimmed", state.dimmed);
  }
}

/** Lights (or puts back) the series of `element`, if it is one (highlight-series.ts). */
function lightSeries(chart: HTMLElement, element: Element | undefined): void {
  const state = stateOf(chart);
  if (state.lit === element) return;
  state.lit?.dispatchEvent(new CustomEvent("plotline-highlight", { detail: false, bubbles: true }));
  state.lit = element?.closest("svg[data-highlight] [data-key]") ?? undefined;
  state.lit?.dispatchEvent(new CustomEvent("plotline-highlight", { detail: true, bubbles: true }));
}

function pointAt(svg: SVGSVGElement, type: string, x: number, y: number): void {
  svg.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, pointerType: "mouse", bubbles: true }));
}

/** Screen positions of the data marks (bars, dots, line vertices), left to right, for keyboard stepping. */
function markPoints(svg: SVGSVGElement): { x: number; y: number; element: Element }[] {
  const points: { x: number; y: number; element: Element }[] = [];
  const whole = svg.getBoundingClientRect();
  for (const group of svg.querySelectorAll(":scope > g[data-label]")) {
    if (/axis|grid|tip|frame|rule|text|tick|sphere|graticule/.test(group.getAttribute("data-label") ?? "")) continue;
    for (const element of group.querySelectorAll<SVGGraphicsElement>("rect, circle, path, use")) {
      const d = element.getAttribute("d");
      const matrix = element.getScreenCTM();
      if (element.tagName === "path" && d && matrix && /L/.test(d) && !/Z/i.test(d)) {
        for (const [, x, y] of d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)) {
          const p = new DOMPoint(Number(x), Number(y)).matrixTransform(matrix);
          points.push({ x: p.x, y: p.y, element });
        }
      } else {
        const box = element.getBoundingClientRect();
        // A shape as large as the chart (a map's land, its outline) is background, not a mark to step to.
        if ((box.width || box.height) && box.width * box.height < whole.width * whole.height * 0.5) {
          points.push({ x: box.left + box.width / 2, y: box.top + Math.min(box.height / 2, 4), element });
        }
      }
    }
  }
  return points.sort((a, b) => a.x - b.x || a.y - b.y);
}

function announce(chart: HTMLElement, svg: SVGSVGElement): void {
  const state = stateOf(chart);
  unlabelGroups(svg); // the tip was just drawn; the observer would only see it after this task
  const tip = svg.querySelector('g[data-label="tip"]');
  if (state.status) state.status.textContent = [...(tip?.querySelectorAll("text") ?? [])].map((t) => t.textContent).join(" ").trim();
}

async function onKey(chart: HTMLElement, event: KeyboardEvent): Promise<void> {
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity }[event.key];
  if (step === undefined && event.key !== "Escape") return;
  event.preventDefault();
  const svg = await activate(chart);
  if (!svg) return;
  const state = stateOf(chart);
  if (event.key === "Escape") {
    pointAt(svg, "pointerleave", 0, 0);
    lightSeries(chart, undefined);
    state.focus = -1;
    announce(chart, svg);
    return;
  }
  const points = markPoints(svg);
  if (points.length === 0 || step === undefined) return;
  state.focus = Math.max(0, Math.min(points.length - 1, state.focus < 0 && step > 0 ? 0 : state.focus + step));
  const point = points[state.focus]!;
  pointAt(svg, "pointermove", point.x, point.y);
  lightSeries(chart, point.element);
  announce(chart, svg);
}

// Charts without tips or pointer marks have nothing to gain from being drawn again (interactive-chart.ts).
for (const chart of document.querySelectorAll<HTMLElement>("figure.plotline-figure .plotline-chart[data-interactive]")) {
  const start = (event: Event) => {
    void activate(chart).then((svg) => {
      // Show the tip where the reader is pointing now that the chart can show it.
      if (svg && event instanceof PointerEvent && chart.matches(":hover")) pointAt(svg, "pointermove", event.clientX, event.clientY);
    });
  };
  chart.addEventListener("pointerenter", start);
  chart.addEventListener("touchstart", start, { passive: true });
  chart.addEventListener("focusin", start);
  chart.addEventListener("keydown", (event) => void onKey(chart, event));
  chart.addEventListener("focusout", () => {
    const svg = visibleVariant(chart)?.querySelector<SVGSVGElement>("svg[role='img']");
    if (svg) pointAt(svg, "pointerleave", 0, 0);
    lightSeries(chart, undefined);
  });
}

// "Download image (PNG)": drawn here from the chart's SVG file, by a module loaded on the first click.
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>("button.plotline-download-png") : null;
  const { svg, name } = button?.dataset ?? {};
  if (!button || !svg || !name) return;
  button.disabled = true;
  import("./download-png.ts")
    .then(({ downloadPng }) => downloadPng(svg, name))
    .catch((error: unknown) => {
      console.warn("Plotline: the PNG could not be drawn; the SVG file opens instead.", error);
      window.location.assign(svg);
    })
    .finally(() => (button.disabled = false));
});
