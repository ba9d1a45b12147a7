import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../../src/engine/diagnostics/source-file.ts";
import { parseMarkdown } from "../../../src/engine/story/parse-markdown.ts";

const reference = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).use(remarkDirective);

const documents: Record<string, string> = {
  "a story with data and plot blocks": "---\ntitle: t\n---\n\nIntro *text*.\n\n```data id=a\nx,y\n1,2\n3,4\n```\n\n```plot data=a\nmarks:\n  - dot: {x: x, y: y}\n```\n\nEnd.\n",
  "tilde fences and longer backtick fences": "~~~data id=a\nx\n1\n~~~\n\n````plot data=a\nmarks: []\n```\nstill inside\n````\n",
  "an example fence that holds a data block": "````markdown\n```data id=a\nx\n1\n```\n````\n\nAfter.\n",
  "a block in a list item and a blockquote": "- item\n\n  ```data id=a\n  x\n  1\n  ```\n\n> ```plot data=a\n> marks: []\n> ```\n",
  "raw HTML right before a fence": "<div>\n```data id=a\nx\n1\n```\n</div>\n",
  "an unclosed data block": "Text.\n\n```data id=a\nx\n1\n",
  "an unclosed block without a final line break": "Text.\n\n```plot data=a\nmarks: []",
  "an unclosed block ending in blank lines": "```data id=a\nx\n\n1\n  \n\n",
  "a closed block, then an unclosed one": "```data id=a\nx\n```\n\nText.\n\n```data id=b\ny\n2\n",
  "a paragraph running into a fence": "Some text\n```data id=a\nx\n1\n```\n",
  "several blocks, with prose, a list and a quote after them": "# T\n\n```data id=a\nx\n1\n2\n```\n\nMiddle *a*.\n\n```plot data=a\nmarks:\n  - dot: {x: x}\n```\n```data id=b\ny\n```\n\n- one\n- two\n\n> end\n",
};

const strip = (tree: Root) => JSON.parse(JSON.stringify(tree, (key, value) => (key === "data" ? undefined : value))) as unknown;

describe("parseMarkdown", () => {
  it.each(Object.entries(documents))("gives exactly the tree of a plain parse for %s", (_, text) => {
    const file = new SourceFile("story.md", text);
    expect(strip(parseMarkdown(file))).toEqual(strip(reference.parse(text) as Root));
  });
});
