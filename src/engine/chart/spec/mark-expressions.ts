import { isChannelOption } from "./channel-value.ts";
import { isJsonObject, type JsonValue, type MarkSpec } from "./chart-spec.ts";

/**
 * A place in a mark where an expression is written:
 * - a channel computed from the row: `stroke: {expr: "Close > Open"}`, `y: {expr: "Volume / 1e6", label: …}`,
 *   also in `channels:` (extra tip lines);
 * - a filter: `filter: "cause == 'disease'"` (a plain column name keeps the rows where it is true, as in Plot);
 * - a sort key: `sort: {expr: "abs(change)", order: descending}`.
 */
export interface MarkExpression {
  kind: "channel" | "filter" | "sort";
  /** The mark option it is in (x, stroke, filter, sort, channels). */
  option: string;
  /** For `channels:`, the name of the extra channel. */
  channel?: string;
  /** Path from the mark to the expression's text. */
  path: (string | number)[];
  /** The expression's text; undefined when `expr` is there but not a text (reported by the check). */
  text: string | undefined;
  /** The options written beside `expr` (label, scale; order for a sort). */
  options: Record<string, JsonValue>;
}

/** The expressions of a mark, in the order written. Filters that are column names (`filter: active`) are not expressions. */
export function markExpressions(mark: MarkSpec, columns: readonly string[]): MarkExpression[] {
  const found: MarkExpression[] = [];
  const fromObject = (kind: MarkExpression["kind"], option: string, value: Record<string, JsonValue>, prefix: (string | number)[], channel?: string) => {
    const { expr, ...options } = value;
    found.push({ kind, option, ...(channel !== undefined ? { channel } : {}), path: [...prefix, "expr"], text: typeof expr === "string" ? expr : undefined, options });
  };
  for (const [option, value] of Object.entries(mark.options)) {
    if (option === "filter") {
      if (typeof value === "string" && !columns.includes(value)) found.push({ kind: "filter", option, path: [option], text: value, options: {} });
      else if (isJsonObject(value) && "expr" in value) fromObject("filter", option, value, [option]);
    } else if (option === "sort") {
      if (isJsonObject(value) && "expr" in value) fromObject("sort", option, value, [option]);
    } else if (option === "channels" && isJsonObject(value)) {
      for (const [name, channel] of Object.entries(value)) {
        if (isJsonObject(channel) && "expr" in channel) fromObject("channel", option, channel, [option, name], name);
      }
    } else if (isChannelOption(option) && isJsonObject(value) && "expr" in value) {
      fromObject("channel", option, value, [option]);
    }
  }
  return found;
}

/** What may be written beside `expr`. */
export const expressionOptionNames: Readonly<Record<MarkExpression["kind"], readonly string[]>> = {
  channel: ["label", "scale"],
  filter: [],
  sort: ["order"],
};
