import { expect, it } from "vitest";
import { payloadData, type ChartPayload } from "../../../src/engine/chart/publish/chart-payload.ts";
import { INLINE_PAYLOAD_LIMIT } from "../../../src/engine/chart/publish-chart.ts";
import { compileStory } from "../../../src/engine/compile-story.ts";

const noFiles = { displayRoot: "data", read: () => undefined, list: () => [] };
const story = (rows: number) => {
  const data = Array.from({ length: rows }, (_, i) => `${2000 + (i % 20)}-${String((i % 12) + 1).padStart(2, "0")}-01,${i}`).join("\n");
  return `---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n\`\`\`data id=s\ndate,value\n${data}\n\`\`\`\n\n\`\`\`plot data=s id=big\nmarks:\n  - dot: {x: date, y: value}\n\`\`\`\n`;
};

it("a small chart carries its spec and data inside the page", () => {
  const result = compileStory({ path: "content/stories/t.md", text: story(5) }, { dataFiles: noFiles });
  // Beside it: its data as CSV and the chart as an SVG download (no PNG without a rasterizer).
  expect(result.assets.map((a) => a.path)).toEqual(["_plotline/data/t/big.csv", "_plotline/charts/t/big.svg"]);
  expect(result.html).toContain('<script class="plotline-spec" type="application/json">');
});

it("a large chart's spec and data go to a content-named file under the site's base, fetched only on demand", () => {
  const result = compileStory({ path: "content/stories/t.md", text: story(2000) }, { dataFiles: noFiles, assetBase: "/newsroom/" });
  const charts = result.assets.filter((a) => a.path.startsWith("_plotline/payloads/"));
  expect(charts).toHaveLength(1);
  const asset = charts[0]!;
  expect(String(asset.content).length).toBeGreaterThan(INLINE_PAYLOAD_LIMIT);
  expect(asset.path).toMatch(/^_plotline\/payloads\/[0-9a-f]{20}\.json$/);
  expect(result.html).toContain(`data-plotline-payload="/newsroom/${asset.path}"`);
  expect(result.html).not.toContain("plotline-spec");
  const payload = JSON.parse(String(asset.content)) as ChartPayload;
  const rows = payloadData(payload)["s"] as { date: Date; value: number }[];
  expect(rows).toHaveLength(2000);
  expect(rows[1]).toEqual({ date: new Date("2001-02-01T00:00:00Z"), value: 1 });
  // Same chart, same file name: safe to cache forever.
  const again = compileStory({ path: "content/stories/t.md", text: story(2000) }, { dataFiles: noFiles, assetBase: "/newsroom/" });
  expect(again.assets.find((a) => a.path.startsWith("_plotline/payloads/"))!.path).toBe(asset.path);
});
