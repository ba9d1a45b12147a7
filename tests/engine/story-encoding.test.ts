import { expect, it } from "vitest";
import { compileStory } from "../../src/engine/compile-story.ts";
import { storyInputFromBytes } from "../../src/engine/project/read-story-file.ts";

const files = { displayRoot: "data", read: () => undefined, list: () => [] };
const utf16le = (text: string) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
  return bytes;
};

it("a story saved as UTF-16 is read, with a warning on how to save it as UTF-8", () => {
  const text = "---\ntitle: 北京\ndek: D\ndate: 2025-01-01\nlang: zh-CN\n---\n\n正文。\n";
  const story = compileStory(storyInputFromBytes("content/stories/t.md", utf16le(text)), { dataFiles: files });
  expect(story.frontmatter?.title).toBe("北京");
  expect(story.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(["story/encoding warning"]);
  expect(story.html).toContain("正文。");
});

it("a story in an encoding Plotline cannot tell is an error that names the line", () => {
  const bytes = new Uint8Array([...new TextEncoder().encode("---\ntitle: Caf"), 0xe9, ...new TextEncoder().encode("\ndek: D\ndate: 2025-01-01\n---\n")]);
  const story = compileStory(storyInputFromBytes("content/stories/t.md", bytes), { dataFiles: files });
  expect(story.diagnostics.map((d) => d.code)).toEqual(["story/not-utf8"]);
  expect(story.diagnostics[0]!.message).toContain("line 2");
  expect(story.ok).toBe(false);
});
