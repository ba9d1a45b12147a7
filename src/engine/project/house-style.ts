import { didYouMean } from "../diagnostics/did-you-mean.ts";
import { additionKeys, readAdditionSwitches, type AdditionSwitches } from "../chart/spec/addition-switches.ts";

/** A mistake in plotline.config.mjs: its message says what is wrong and how to write it (no stack trace). */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const shown = (value: unknown): string => (typeof value === "string" ? `"${value}"` : Array.isArray(value) ? "a list" : String(value));

/**
 * The `additions` export of plotline.config.mjs, the site's house style: which of Plotline's additions
 * charts get unless they say otherwise (`export const additions = { endLabels: false }`, or `false` for
 * none). Missing: all of them. Anything else stops the build with a ConfigError that says what to write.
 */
export function readHouseStyle(value: unknown): AdditionSwitches {
  if (value === undefined) return {};
  const { switches, problems } = readAdditionSwitches(value);
  const problem = problems[0];
  if (!problem) return switches;
  const where = "plotline.config.mjs: `additions`";
  const keys = additionKeys.join(", ");
  if (problem.kind === "unknown") {
    throw new ConfigError(`${where} names "${problem.key}", which is not one of Plotline's additions.${didYouMean(problem.key!, additionKeys)} The additions are ${keys}.`);
  }
  if (problem.kind === "not-boolean") {
    throw new ConfigError(`${where}: "${problem.key}" is ${shown(problem.found)}; write true (on) or false (off).`);
  }
  throw new ConfigError(`${where} is ${shown(problem.found)}; write false (no additions), or switches such as { endLabels: false, compactTicks: false } (keys: ${keys}).`);
}
