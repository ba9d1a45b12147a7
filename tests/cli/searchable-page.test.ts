/**
 * The copy of a story page Pagefind reads (src/cli/searchable-page.ts): the page without what Pagefind
 * drops anyway (scripts, drawn charts, the charts' data), everything else byte for byte. That it makes the
 * same index as the whole page is checked with real pages in tests/build/search-index.test.ts.
 */
import { describe, expect, it } from "vitest";
import { figureDataClass, searchablePage } from "../../src/cli/searchable-page.ts";
import { searchExcludedSelectors } from "../../src/cli/search-index.ts";

describe("the searchable copy of a page", () => {
  it("drops scripts, drawings and chart data, and keeps every other byte", () => {
    const page =
      '<!doctype html><html lang="en"><head><title>Pay</title><script type="application/ld+json">{"a":"<svg>"}</script></head>' +
      '<body><article data-pagefind-body><p>Pay rose.</p><figure><figcaption>Median pay</figcaption>' +
      '<div class="plotline-chart" data-alt="Bars."><svg viewBox="0 0 10 10"><g><text>1,000</text><svg><rect/></svg></g></svg></div>' +
      '<div class="plotline-figure-data"><details><div class="plotline-table"><table><tr><td>9</td></tr></table></div></details><a href="x.csv">CSV</a></div>' +
      "<p>After.</p></figure></article></body></html>";
    expect(searchablePage(page)).toBe(
      '<!doctype html><html lang="en"><head><title>Pay</title></head>' +
        '<body><article data-pagefind-body><p>Pay rose.</p><figure><figcaption>Median pay</figcaption>' +
        '<div class="plotline-chart" data-alt="Bars."></div>' +
        "<p>After.</p></figure></article></body></html>",
    );
  });

  it("takes no tag from an attribute's value, a comment or the text of a raw-text element", () => {
    const page =
      '<meta content="A <svg> headline </div>"><p title=\'x <script> y\'>Text</p><!-- <svg> -->' +
      '<style>p::before { content: "<svg>" }</style><textarea><div class="plotline-figure-data"></textarea>' +
      '<svg aria-label="a </svg> b"><text>t</text></svg><p>kept</p>';
    expect(searchablePage(page)).toBe(
      '<meta content="A <svg> headline </div>"><p title=\'x <script> y\'>Text</p><!-- <svg> -->' +
        '<style>p::before { content: "<svg>" }</style><textarea><div class="plotline-figure-data"></textarea><p>kept</p>',
    );
  });

  it("drops a self-closed drawing alone, and counts a div written with a slash as open, as HTML does", () => {
    expect(searchablePage('<p>a</p><svg width="1"/><p>b</p>')).toBe("<p>a</p><p>b</p>");
    expect(searchablePage('<div class="plotline-figure-data"><div/>x</div>y</div><p>kept</p>')).toBe("<p>kept</p>");
  });

  it("keeps a chart data class that is only part of another class name, and data of another kind", () => {
    const page = '<div class="plotline-figure-data-note">note</div><div class="plotline-data">appendix</div>';
    expect(searchablePage(page)).toBe(page);
  });

  it("keeps text in any script as the same bytes when read as latin1", () => {
    const utf8 = Buffer.from("<p>北京 — 43.9%</p><svg><text>上海</text></svg><p>é</p>", "utf8");
    const copy = Buffer.from(searchablePage(utf8.toString("latin1")), "latin1");
    expect(copy.toString("utf8")).toBe("<p>北京 — 43.9%</p><p>é</p>");
  });

  it("drops chart data only because the search index leaves it out", () => {
    expect(searchExcludedSelectors).toContain(`.${figureDataClass}`);
  });
});
