/**
 * Searchable copies kept between builds (src/cli/search-page-copies.ts): a kept page is indexed from a
 * copy made from the same page (same key) or else read whole; copies of stories gone are removed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { copySearchablePages, forgetSearchablePages, linkSearchablePages } from "../../src/cli/search-page-copies.ts";

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function sitePages(): { site: string; dir: string; page: (slug: string) => string } {
  root = mkdtempSync(join(tmpdir(), "plotline-copies-"));
  const site = join(root, "site");
  for (const [slug, text] of [["pay", "Pay rose"], ["rents", "Rents fell"]] as const) {
    const file = join(site, "stories", slug, "index.html");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `<p>${text}</p><svg><text>1,000</text></svg>`);
  }
  return { site, dir: join(root, "copies"), page: (slug) => join("stories", slug, "index.html") };
}

it("makes a page's copy under its key, for Pagefind to read, replacing the story's older copy", () => {
  const { site, dir, page } = sitePages();
  mkdirSync(join(dir, "pay"), { recursive: true });
  writeFileSync(join(dir, "pay", "old-key.html"), "<p>old</p>");
  copySearchablePages({ dir, keys: { pay: "k1" } }, site, ["pay"], join(root, "read"));
  expect(readdirSync(join(dir, "pay"))).toEqual(["k1.html"]);
  expect(readFileSync(join(root, "read", page("pay")), "utf8")).toBe("<p>Pay rose</p>");
});

it("indexes a kept page from its copy only if the copy was made from the page as it is now", async () => {
  const { site, dir, page } = sitePages();
  copySearchablePages({ dir, keys: { pay: "k1", rents: "k1" } }, site, ["pay", "rents"], join(root, "first"));
  // The rents page changed since its copy was made (another key): the page itself is read.
  await linkSearchablePages({ dir, keys: { pay: "k1", rents: "k2" } }, site, ["pay", "rents"], join(root, "read"));
  expect(readFileSync(join(root, "read", page("pay")), "utf8")).toBe("<p>Pay rose</p>");
  expect(readFileSync(join(root, "read", page("rents")), "utf8")).toBe("<p>Rents fell</p><svg><text>1,000</text></svg>");
});

it("removes the copies of stories no longer published", () => {
  const { site, dir } = sitePages();
  copySearchablePages({ dir, keys: { pay: "k1", rents: "k1" } }, site, ["pay", "rents"], join(root, "read"));
  forgetSearchablePages({ dir, keys: { pay: "k1" } });
  expect(existsSync(join(dir, "pay", "k1.html"))).toBe(true);
  expect(existsSync(join(dir, "rents"))).toBe(false);
});
