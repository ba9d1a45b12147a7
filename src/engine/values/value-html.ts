import type { ElementContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import type { Cell } from "../data/data-table.ts";

export interface ValueHtml {
  text: string;
  value: Exclude<Cell, null>;
  /** Where the number comes from, for readers: "Liepin · data “facts”: growth". */
  provenance: string;
  /** Fragment of the story's data section holding the data. */
  href: string;
  /** Unique in the page. */
  id: string;
}

/**
 * A number bound to the data, as it appears in a sentence: the formatted value, linked to the data it
 * comes from, with its provenance shown on hover and keyboard focus (and read out as the link's
 * description by screen readers).
 */
export function valueHtml({ text, value, provenance, href, id }: ValueHtml): string {
  const machine = value instanceof Date ? value.toISOString() : String(value);
  const tooltipId = `${id}-source`;
  const node = h("span.plotline-value", [
    h("a", { href, "aria-describedby": tooltipId }, [h("data", { value: machine }, text)]),
    h("span.plotline-provenance", { id: tooltipId, role: "tooltip" }, provenance) as ElementContent,
  ]);
  return toHtml(node);
}
