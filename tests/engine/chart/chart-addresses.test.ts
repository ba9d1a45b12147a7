import { describe, expect, it } from "vitest";
import { compile, located } from "./helpers.ts";

const LOGOS = '```data id=logos\nfirm,posts,logo,site\nAlibaba,3000,/logos/alibaba.png,https://www.alibabagroup.com\nTencent,2000,https://cdn.example.com/tencent.png,javascript:alert(1)\n```\n\n';
const chart = (marks: string, options = "") => `${LOGOS}\`\`\`plot data=logos id=logos\nalt: Logos.\n${options}marks:\n${marks}\n\`\`\`\n`;
const problems = (markdown: string) => located(compile(markdown).diagnostics).map((d) => d.replace(/ \S+:(\d+:\d+)$/, " $1"));

describe("addresses in charts follow the story's rules", () => {
  it("an image mark's src from data may not be a picture from another site: reported at the data cell", () => {
    expect(problems(chart("  - image: {x: posts, y: firm, src: logo}"))).toEqual(["link/external-image 10:14"]);
    const [d] = compile(chart("  - image: {x: posts, y: firm, src: logo}")).diagnostics.filter((x) => x.code === "link/external-image");
    expect(d!.message).toContain('The chart shows the picture "https://cdn.example.com/tencent.png" from another site');
    expect(d!.hint).toContain("public/");
  });

  it("an image mark's constant src from another site, or with javascript: or data:, is reported at the option", () => {
    expect(problems(chart('  - image: {x: posts, y: firm, src: "https://cdn.example.com/x.png"}'))).toEqual(["link/external-image 16:37"]);
    expect(problems(chart('  - image: {x: posts, y: firm, src: "javascript:alert(1)"}'))).toEqual(["link/unsafe-scheme 16:37"]);
    expect(problems(chart('  - image: {x: posts, y: firm, src: "data:image/png;base64,AAAA"}'))).toEqual(["link/unsafe-scheme 16:37"]);
    expect(problems(chart("  - image: {x: posts, y: firm, src: /logos/alibaba.png}"))).toEqual([]);
  });

  it("an href from data with javascript: is reported at the cell instead of being dropped silently", () => {
    expect(problems(chart("  - barX: {x: posts, y: firm, href: site}"))).toEqual(["link/unsafe-scheme 10:50"]);
  });

  it("url(…) to another site in a fill or stroke is refused; the chart's own patterns and the site's files are fine", () => {
    expect(problems(chart('  - barX: {x: posts, y: firm, fill: "url(https://example.com/p.svg#dots)"}'))).toEqual(["link/external-image 16:37"]);
    expect(problems(chart("  - dot: {x: posts, y: firm, stroke: \"url('//example.com/p.svg')\", fill: \"url(/patterns.svg#dots)\"}"))).toEqual(["link/external-image 16:38"]);
    expect(problems(chart('  - barX: {x: posts, y: firm, fill: "url(#dots)"}'))).toEqual([]);
  });
});
