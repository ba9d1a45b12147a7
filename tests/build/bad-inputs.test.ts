/**
 * The bad-input corpus (tests/bad-inputs/) through the real CLI, in one temporary project:
 *
 * 1. The cases with warnings only (or nothing) are added to a good site, which is checked and built:
 *    `check` and `build` exit 0 and print each warning; the built pages never carry the script and
 *    HTML of the html-in-data case as markup.
 * 2. Then every case with errors is added at once (beside those): `check` exits 1 and prints exactly the
 *    diagnostic lines of every case (and the warnings above), each once; `build` exits 1 with the same
 *    lines, no stack trace, and leaves dist/ byte for byte as it was. A failing build stops after compiling
 *    (build-command.ts), before Astro starts, so one run shows for every case what a run per case showed,
 *    in two processes instead of two per case (a run per case made this file take minutes). That each
 *    case alone reports exactly its diagnostics is tested in-process, case by case
 *    (tests/engine/bad-inputs.test.ts); a few cases, one of each kind, also go through the CLI alone.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCase, readCases, removeCase, type BadInputCase, type ExpectedDiagnostic } from "../bad-inputs/corpus.ts";
import { createTempProject, repoRoot, runPlotline, runPlotlineAsync } from "../support/temp-project.ts";
import { checkSiteXml } from "../support/well-formed-site.ts";

const cases = readCases();
const hasErrors = (c: BadInputCase) => c.diagnostics.some((d) => d.severity === "error");
const quiet = cases.filter((c) => !hasErrors(c));
const failing = cases.filter(hasErrors);
/** The warnings of the quiet cases, which stay in the project while each failing case is tried. */
const quietWarnings = quiet.flatMap((c) => c.diagnostics);

const DIAGNOSTIC_LINE = /^(\S+):(\d+):(\d+) (error|warning) (\S+) (.*)$/;

/** The diagnostic lines of the CLI's output, in the order printed. */
function diagnosticLines(output: string): string[] {
  return output.split("\n").filter((line) => DIAGNOSTIC_LINE.test(line));
}

/** Whether a printed line is the expected diagnostic (its message too, when the case gives one). */
function matches(line: string, d: ExpectedDiagnostic): boolean {
  const head = `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} `;
  return d.message === undefined ? line.startsWith(head) : line === head + d.message;
}

/** Every expected diagnostic printed, and nothing else. */
function expectExactly(output: string, expected: ExpectedDiagnostic[]): void {
  const lines = diagnosticLines(output);
  for (const d of expected) expect(lines.filter((line) => matches(line, d)), `${d.file}:${d.line}:${d.column} ${d.code}`).toHaveLength(1);
  expect(lines).toHaveLength(expected.length);
}

type Run = ReturnType<typeof runPlotline>;

/**
 * Cases also run alone through the CLI, one of each kind of failure: an error in the story itself, one
 * in a data file it reads (a 50 MB file, never read), and one in the project's files outside any story
 * (links in public/ that lead outside the project).
 */
const alone = ["frontmatter-yaml-syntax", "data-file-too-large", "public-link-outside"].map((name) => {
  const found = failing.find((c) => c.name === name);
  if (!found) throw new Error(`no failing bad-input case ${name}`);
  return found;
});

function expectNoStackTrace(output: string): void {
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(output).not.toContain("internal error");
}

/** Every file of a folder with a hash of its bytes, so two snapshots compare byte for byte. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[relative(dir, full)] = createHash("sha256").update(readFileSync(full)).digest("hex");
    }
  };
  walk(dir);
  return files;
}

function htmlFiles(dir: string): string[] {
  return Object.keys(snapshot(dir))
    .filter((path) => path.endsWith(".html"))
    .map((path) => join(dir, path));
}

describe("bad inputs through plotline check and build", () => {
  let project: ReturnType<typeof createTempProject>;
  let check: ReturnType<typeof runPlotline>;
  let build: ReturnType<typeof runPlotline>;
  let dist: Record<string, string>;

  beforeAll(() => {
    project = createTempProject(join(repoRoot, "tests", "sites", "basic"));
    for (const c of quiet) addCase(project.root, c);
    check = runPlotline(project.root, "check");
    build = runPlotline(project.root, "build");
    dist = snapshot(join(project.root, "dist"));
  }, 300_000);
  afterAll(() => project?.cleanup());

  it("check prints the warnings of the cases without errors and exits 0", () => {
    expectNoStackTrace(check.stdout + check.stderr);
    expectExactly(check.stdout, quietWarnings);
    expect(check.status).toBe(0);
  });

  it("build succeeds with those warnings, and prints them", () => {
    expectNoStackTrace(build.stdout + build.stderr);
    expect(build.status, build.stderr).toBe(0);
    expectExactly(build.stderr, quietWarnings);
    for (const c of quiet) expect(Object.keys(dist)).toContain(`stories/${c.name}/index.html`);
  });

  it("the GB18030 story's page shows its chart and table in Chinese", () => {
    const html = readFileSync(join(project.root, "dist", "stories", "csv-gb18030", "index.html"), "utf8");
    expect(html).toMatch(/<svg[^>]*role="img"[\s\S]*北京[\s\S]*<\/svg>/);
    expect(html).toContain("电商之都（阿里巴巴）");
    expect(html).not.toContain("\uFFFD");
  });

  it("script and HTML typed into frontmatter, prose, data and chart text never reach a page as markup", () => {
    const pages = htmlFiles(join(project.root, "dist"));
    const story = readFileSync(join(project.root, "dist", "stories", "html-in-data", "index.html"), "utf8");
    expect(pages.length).toBeGreaterThan(3);
    // The editor's text is on the page, as text: the title, a cell, the chart's title and its SVG labels.
    const { document } = parseHTML(story);
    expect(document.querySelector("h1")?.textContent).toContain('<script>alert("title")</script> Pay "><img src=x onerror=alert(1)>');
    expect(document.querySelector(".plotline-table")?.textContent).toContain("<script>alert(13)</script>");
    expect(document.querySelector("figure svg")?.textContent).toContain("</script><script>alert(15)</script>");
    expect(document.querySelector("figure")?.textContent).toContain("<script>alert(19)</script>");
    // Ids and names typed in the story cannot replace document properties (DOM clobbering) or a chart's anchor.
    expect(document.querySelectorAll('[name="querySelectorAll"], [name="getElementById"], a[id="chart-pay"]')).toHaveLength(0);
    expect(document.querySelectorAll('img[name="user-content-querySelectorAll"], a[id="user-content-chart-pay"]')).toHaveLength(2);

    for (const page of pages) {
      const html = readFileSync(page, "utf8");
      const where = relative(project.root, page);
      // Outside attribute values (where "<" is plain text once the quotes are escaped), no tag the editor typed.
      const markup = html.replace(/="[^"]*"/g, '=""');
      expect(markup, where).not.toMatch(/<script>alert|<img src=x|<svg\/?onload|<svg onload|<b onmouseover/i);
      expect(markup, where).not.toMatch(/<[a-z][^<>]*\son[a-z]+=/i);
      const { document: doc } = parseHTML(html);
      for (const element of doc.querySelectorAll("*")) {
        for (const name of element.getAttributeNames()) {
          expect(name, `${where}: <${element.tagName.toLowerCase()} ${name}>`).not.toMatch(/^on|^autofocus$/i);
          if (name === "href" || name === "src" || name === "xlink:href") {
            expect(element.getAttribute(name), `${where}: ${name}`).not.toMatch(/^\s*javascript:/i);
          }
        }
      }
      for (const script of doc.querySelectorAll("script")) {
        // Only Plotline's inert JSON (chart specs; structured data for search engines, with every < escaped) and the site's own module scripts.
        const type = script.getAttribute("type");
        if (type === "application/json" || type === "application/ld+json") {
          expect(() => JSON.parse(script.textContent ?? "")).not.toThrow();
          if (type === "application/ld+json") expect(script.textContent, where).not.toContain("<");
        } else {
          expect(type, where).toBe("module");
          expect(script.getAttribute("src") ?? "", where).toMatch(/^\/_astro\//);
          expect(script.textContent ?? "", where).toBe("");
        }
      }
      expect(doc.querySelectorAll("svg svg, figure script:not(.plotline-spec), title script").length, where).toBe(0);
    }
  });

  it("the inline JSON of the chart keeps the editor's text as data, with no closing script tag inside", () => {
    const html = readFileSync(join(project.root, "dist", "stories", "html-in-data", "index.html"), "utf8");
    const { document } = parseHTML(html);
    const spec = document.querySelector("script.plotline-spec");
    expect(spec).not.toBeNull();
    const raw = spec!.textContent ?? "";
    expect(raw).not.toMatch(/<\/?script/i);
    expect(raw).toContain("\\u003cscript>alert(13)\\u003c/script>");
    expect(JSON.stringify(JSON.parse(raw))).toContain("</script><script>alert(15)</script>");
  });

  it("every .svg and .xml file and inline chart SVG is well-formed XML, and the charts of & < \" and control characters in data are published as SVG (the PNG is drawn by readers' browsers from it) and on the social card", () => {
    const xml = checkSiteXml(join(project.root, "dist"));
    console.log(`bad-inputs: ${xml.svgFiles} .svg files, ${xml.xmlFiles} .xml files and ${xml.inlineSvgs} inline SVGs are well-formed XML`);
    expect(xml.problems).toEqual([]);
    expect(xml.inlineSvgs).toBeGreaterThan(xml.svgFiles);
    for (const name of ["markup-characters-in-charts", "csv-control-characters", "story-control-characters"]) {
      const downloads = Object.keys(dist).filter((path) => path.startsWith(`_plotline/charts/${name}/`));
      expect(downloads.filter((path) => path.endsWith(".svg")), name).toHaveLength(1);
      expect(downloads.filter((path) => path.endsWith(".png")), name).toHaveLength(0);
      expect(Object.keys(dist)).toContain(`_plotline/cards/${name}.png`);
    }
  });

  /** Adds cases to the project, runs check and build side by side (neither writes to the project when it fails), and takes the cases out again. */
  async function checkAndBuildWith(added: BadInputCase[]): Promise<[Run, Run]> {
    const made: string[] = [];
    try {
      for (const c of added) made.push(...addCase(project.root, c));
      return await Promise.all([runPlotlineAsync(project.root, "check"), runPlotlineAsync(project.root, "build")]);
    } finally {
      removeCase(made);
    }
  }

  /** check exits 1 and prints exactly the diagnostics of `added` and the warnings above, each once, with no stack trace. */
  function expectCheckFails(checked: Run, added: BadInputCase[]): void {
    const expected = [...added.flatMap((c) => c.diagnostics), ...quietWarnings];
    expectNoStackTrace(checked.stdout + checked.stderr);
    expectExactly(checked.stdout, expected);
    const errors = expected.filter((d) => d.severity === "error").length;
    expect(checked.stdout).toMatch(new RegExp(`\\n${errors} errors?, ${expected.length - errors} warnings?\\.\\n$`));
    expect(checked.status).toBe(1);
  }

  /** build exits 1 with the same diagnostics and a hint each, no stack trace, and dist/ byte for byte as it was. */
  function expectBuildFails(built: Run, added: BadInputCase[]): void {
    const expected = [...added.flatMap((c) => c.diagnostics), ...quietWarnings];
    expectNoStackTrace(built.stdout + built.stderr);
    expectExactly(built.stderr, expected);
    expect(built.stderr.match(/^ {2}hint: /gm)).toHaveLength(expected.length);
    const errors = expected.filter((d) => d.severity === "error").length;
    // Counted where the errors are, not over the whole site: "in 2 of 60 stories" (or "in 3 files" when one is not a story).
    const errorFiles = new Set(expected.filter((d) => d.severity === "error").map((d) => d.file));
    const where = [...errorFiles].every((file) => file.startsWith("content/stories/")) ? `${errorFiles.size} of \\d+ stories` : `${errorFiles.size} files?`;
    const warnings = expected.length - errors;
    expect(built.stderr).toMatch(
      new RegExp(`^Build failed: ${errors} errors? in ${where}${warnings > 0 ? `, and ${warnings} warnings?` : ""}\\. dist/ was left as it was\\.$`, "m"),
    );
    expect(built.status).toBe(1);
    expect(snapshot(join(project.root, "dist"))).toEqual(dist);
  }

  describe("with every case that has errors", () => {
    let checked: Run;
    let built: Run;

    beforeAll(async () => {
      [checked, built] = await checkAndBuildWith(failing);
    }, 300_000);

    it("check exits 1 and prints exactly the expected diagnostics of every case, with no stack trace", () => {
      expectCheckFails(checked, failing);
    });

    it("build exits 1 with the same diagnostics and a hint each, no stack trace, and dist/ byte for byte as it was", () => {
      expectBuildFails(built, failing);
    });

    // The same lines, case by case, so that a failure names the case.
    it.each(failing)("check and build print each diagnostic of $name once", (c) => {
      for (const output of [checked.stdout, built.stderr]) {
        const lines = diagnosticLines(output);
        for (const d of c.diagnostics) expect(lines.filter((line) => matches(line, d)), `${d.file}:${d.line}:${d.column} ${d.code}`).toHaveLength(1);
      }
    });
  });

  describe.each(alone)("with the case $name alone", (c) => {
    let checked: Run;
    let built: Run;

    beforeAll(async () => {
      [checked, built] = await checkAndBuildWith([c]);
    }, 300_000);

    it("check exits 1 and prints exactly the expected diagnostics, with no stack trace", () => {
      expectCheckFails(checked, [c]);
    });

    it("build exits 1 with the same diagnostics and a hint each, no stack trace, and dist/ byte for byte as it was", () => {
      expectBuildFails(built, [c]);
    });
  });
});
