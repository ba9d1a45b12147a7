/** Figures spliced into the story pages Astro wrote (src/astro/figure-slots.ts), as bytes. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { fillFigureSlots } from "../../src/astro/figure-slots.ts";
import { storeFile } from "../../src/engine/project/file-store.ts";
import { figureMarker, fillFigureMarkers } from "../../src/engine/story/figure-markers.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const figures = ['<figure id="a"><svg><text>就业 €</text></svg></figure>', '<figure id="b"><svg><text>Jobs</text></svg></figure>'];
const body = `<p>Über</p>${figureMarker(0)}<p>中间</p>${figureMarker(1)}<p>end</p>`;

/** A project with the figures stored, and a site whose story page Astro wrote around the marked body. */
function builtPage(slug = "jobs"): { root: string; site: string; page: string; charts: { figure: string }[] } {
  const root = mkdtempSync(join(tmpdir(), "plotline-figure-slots-"));
  roots.push(root);
  const charts = figures.map((figure) => ({ figure: storeFile(root, figure) }));
  const site = join(root, "site");
  const page = join(site, "stories", slug, "index.html");
  mkdirSync(join(page, ".."), { recursive: true });
  writeFileSync(page, `<!doctype html><title>Ü</title><article>${body}</article>`);
  return { root, site, page, charts };
}

it("writes the page exactly as filling the body in memory would, non-ASCII text on both sides of the figures", async () => {
  const { root, site, page, charts } = builtPage();
  const filled = await fillFigureSlots(root, site, [{ slug: "jobs", figuresApart: true, charts: charts.map((chart, n) => ({ ...chart, id: `c${n}`, domId: `c${n}` })) }]);
  expect(filled).toBe(1);
  expect(readFileSync(page, "utf8")).toBe(`<!doctype html><title>Ü</title><article>${fillFigureMarkers(body, (n) => figures[n])}</article>`);
});

it("leaves a page whose body was kept whole as it is", async () => {
  const { root, site, page } = builtPage();
  const before = readFileSync(page);
  expect(await fillFigureSlots(root, site, [{ slug: "jobs", figuresApart: false, charts: [] }])).toBe(0);
  expect(readFileSync(page).equals(before)).toBe(true);
});

it("refuses a stored figure changed since it was stored, naming it", async () => {
  const { root, site, charts } = builtPage();
  writeFileSync(join(root, charts[1]!.figure), "<figure>changed</figure>");
  await expect(fillFigureSlots(root, site, [{ slug: "jobs", figuresApart: true, charts: charts.map((chart, n) => ({ ...chart, id: `c${n}`, domId: `c${n}` })) }])).rejects.toThrow(
    `${charts[1]!.figure} was changed since Plotline stored it`,
  );
});
