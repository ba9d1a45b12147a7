/**
 * Scrolly sections (see src/engine/story/lay-out-sections.ts): with JavaScript, and unless the reader
 * asks for reduced motion, the graphics of a section share one sticky place beside (phones: under) the
 * steps, and the step at the middle of the window shows its graphic (a step begun by --- keeps the
 * one before). Otherwise the section stays as built: every graphic with its text, in order.
 * Placement is set here through the CSSOM, which a strict Content-Security-Policy allows.
 */
import { announce, prepareAnnouncer } from "./announce-state.ts";

const still = matchMedia("(prefers-reduced-motion: reduce)");

for (const section of document.querySelectorAll<HTMLElement>(".plotline-scrolly")) {
  const texts = [...section.querySelectorAll<HTMLElement>(".plotline-step-text")];
  const graphics = [...section.querySelectorAll<HTMLElement>(".plotline-step-graphic")];
  if (graphics.length === 0) continue;
  const graphicOf = new Map<Element, HTMLElement>();
  let last = graphics[0]!;
  texts.forEach((text, i) => {
    last = text.parentElement!.querySelector<HTMLElement>(":scope > .plotline-step-graphic") ?? last;
    graphicOf.set(text, last);
    // Each text its own row; the graphics all in the rows of all texts, so they can stick through them.
    text.style.gridRow = `${i + 1}`;
  });
  for (const graphic of graphics) graphic.style.gridRow = `1 / span ${texts.length}`;

  let shown: HTMLElement | undefined;
  const show = (graphic: HTMLElement) => {
    if (graphic === shown) return;
    shown?.classList.remove("plotline-active");
    graphic.classList.add("plotline-active");
    if (shown && !still.matches) announce(graphic);
    shown = graphic;
  };
  show(graphics[0]!);
  const live = () => section.classList.toggle("plotline-scrolly-live", !still.matches);
  live();
  still.addEventListener("change", live);
  prepareAnnouncer();
  // The step being read is the last one whose top has passed the middle of the window, or on a phone,
  // where the graphic sits above the steps, the graphic's bottom edge: the chart changes while the
  // step's card is still under it, before the card passes over it. It is found on scroll while the
  // section is on screen (the observer says when), so a jump (Page Down, a link) past a whole step
  // still lands on the right graphic.
  let frame = 0;
  const update = () => {
    frame = 0;
    const graphic = shown!.getBoundingClientRect();
    const step = texts[0]!.getBoundingClientRect();
    const above = graphic.right > step.left && graphic.left < step.right;
    const line = above ? Math.min(innerHeight * 0.85, Math.max(innerHeight / 2, graphic.bottom)) : innerHeight / 2;
    let current = texts[0]!;
    for (const text of texts) if (text.getBoundingClientRect().top < line) current = text;
    show(graphicOf.get(current)!);
  };
  const onScroll = () => void (frame ||= requestAnimationFrame(update));
  const onScreen = new Set<Element>();
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) onScreen[entry.isIntersecting ? "add" : "delete"](entry.target);
    if (onScreen.size === 0) return removeEventListener("scroll", onScroll);
    addEventListener("scroll", onScroll, { passive: true });
    onScroll();
  });
  for (const text of texts) observer.observe(text);
  // Tabbing into a state not shown (its links, its data table) shows it and brings its step beside it.
  section.addEventListener("focusin", (event) => {
    const graphic = (event.target as Element).closest<HTMLElement>(".plotline-step-graphic");
    if (!graphic || graphic === shown || !section.classList.contains("plotline-scrolly-live")) return;
    show(graphic);
    texts.find((text) => graphicOf.get(text) === graphic)?.scrollIntoView({ block: "center" });
  });
}
