import { expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";

const noFiles = { displayRoot: "data", read: () => undefined, list: () => [] };
const compile = (body: string) =>
  compileStory({ path: "content/stories/t.md", text: `---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n${body}` }, { dataFiles: noFiles }).diagnostics.filter(
    (d) => d.code !== "plot/missing-alt" && d.code !== "plot/positional-id",
  );
const PAY = "```data id=pay\nname,salary,dept,age\nAna,1,news,30\nBo,2,web,40\n```\n\n";

it("warns at the header about the columns of charted data that no chart or number uses", () => {
  const diagnostics = compile(`${PAY}\`\`\`plot data=pay\nmarks:\n  - barX: {y: name, x: salary}\n\`\`\`\n`);
  expect(diagnostics.map((d) => `${d.code} ${d.severity} ${d.span.start.line}:${d.span.start.column}`)).toEqual(["data/unused-column warning 8:13"]);
  expect(diagnostics[0]!.message).toBe('The columns "dept", "age" of data "pay" are not used by any chart or number in this story.');
});

it("counts columns used by numbers in the prose, and says nothing about data no chart draws, a shown table or a data file", () => {
  const files = { displayRoot: "data", read: (p: string) => (p === "pay.csv" ? new TextEncoder().encode("name,salary,dept\nAna,1,news\n") : undefined), list: () => ["pay.csv"] };
  const fromFile = compileStory(
    { path: "content/stories/t.md", text: '---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n```data id=pay src="pay.csv"\n```\n\n```plot data=pay id=pay\nalt: A.\nmarks:\n  - barX: {y: name, x: salary}\n```\n' },
    { dataFiles: files },
  );
  expect(fromFile.diagnostics).toEqual([]);
  expect(compile(`Ana is :value[pay.age]{name=Ana}, in :value[pay.dept]{name=Ana}.\n\n${PAY}\`\`\`plot data=pay\nmarks:\n  - barX: {y: name, x: salary}\n\`\`\`\n`)).toEqual([]);
  expect(compile(`Ana is :value[pay.age]{name=Ana}.\n\n${PAY}`)).toEqual([]);
  expect(compile(`${PAY.replace("id=pay", "id=pay show")}\`\`\`plot data=pay\nmarks:\n  - barX: {y: name, x: salary}\n\`\`\`\n`)).toEqual([]);
});

it("says nothing about the columns an SQL block passes on from what it reads (SELECT *, UNPIVOT)", async () => {
  const { compileStoryAsync } = await import("../../../src/engine/compile-story-async.ts");
  const text = `---\ntitle: T\ndek: D\ndate: 2025-01-01\n---\n\n${PAY}\`\`\`data id=all format=sql\nSELECT * FROM pay\n\`\`\`\n\n\`\`\`plot data=all id=all\nalt: A.\nmarks:\n  - barX: {y: name, x: salary}\n\`\`\`\n`;
  const story = await compileStoryAsync({ path: "content/stories/t.md", text }, { dataFiles: noFiles });
  // The inline block pay is read by the query, not drawn: no chart draws it, so it is not warned about either.
  expect(story.diagnostics.map((d) => d.code)).toEqual([]);
  expect(story.charts).toHaveLength(1);
});
