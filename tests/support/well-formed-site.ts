/**
 * Every piece of XML a built site holds, checked with the strict check of strict-xml.ts: each .svg and
 * .xml file of dist/ (chart downloads, feeds, sitemap) and each inline <svg> of each page (the charts,
 * also on embed pages). Build tests call it on the site they built already.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { inlineSvgs } from "./inline-svgs.ts";
import { xmlProblem } from "./strict-xml.ts";

export interface SiteXml {
  /** How much was checked, so that a test can tell an empty site from a clean one. */
  svgFiles: number;
  xmlFiles: number;
  inlineSvgs: number;
  /** "path: what is wrong", one per file or inline SVG that is not well-formed. */
  problems: string[];
}

export function checkSiteXml(dist: string): SiteXml {
  const result: SiteXml = { svgFiles: 0, xmlFiles: 0, inlineSvgs: 0, problems: [] };
  const files = (readdirSync(dist, { recursive: true, encoding: "utf8" }) as string[]).filter((path) => /\.(svg|xml|html)$/.test(path)).sort();
  for (const path of files) {
    const text = readFileSync(join(dist, path), "utf8");
    const where = relative(dist, join(dist, path));
    if (path.endsWith(".html")) {
      let svgs: string[];
      try {
        svgs = inlineSvgs(text);
      } catch (error) {
        result.problems.push(`${where}: ${(error as Error).message}`);
        continue;
      }
      svgs.forEach((svg, index) => {
        result.inlineSvgs++;
        const problem = xmlProblem(svg);
        if (problem) result.problems.push(`${where}, inline SVG ${index + 1}: ${problem}`);
      });
      continue;
    }
    if (path.endsWith(".svg")) result.svgFiles++;
    else result.xmlFiles++;
    const problem = xmlProblem(text);
    if (problem) result.problems.push(`${where}: ${problem}`);
  }
  return result;
}
