/**
 * What Plotline changes in what Plot draws, the same in the build and in the browser, so that a chart
 * drawn again in the browser is the chart the build drew:
 * - no inline <style> elements or style attribute (the site stylesheet has those rules, and a strict
 *   Content-Security-Policy forbids inline styles);
 * - no ⚠️ "check the console" marker (Plotline reports Plot's warnings to the editor instead);
 * - the chart's SVG is a named image for screen readers; legend swatches are hidden from them;
 * - every SVG is namespaced, so the markup also stands alone as an .svg file.
 */
export function tidyPlotElement(plot: Element): Element {
  for (const style of [...plot.querySelectorAll("style")]) style.remove();
  for (const text of [...plot.querySelectorAll("text")]) {
    if (text.querySelector("title")?.textContent?.includes("Please check the console")) text.remove();
  }
  const svgs = plot.tagName.toLowerCase() === "svg" ? [plot] : [...plot.querySelectorAll("svg")];
  const chartSvg = svgs.find((svg) => svg.getAttribute("aria-label") !== null) ?? svgs[svgs.length - 1];
  for (const svg of svgs) {
    svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    if (svg === chartSvg) svg.setAttribute("role", "img");
    else svg.setAttribute("aria-hidden", "true");
  }
  plot.removeAttribute("style");
  return plot;
}
