/**
 * Golden chart files are compared after this normalisation, so that a diff shows what changed and
 * floating-point noise does not: one tag per line, and numbers rounded to one decimal.
 */
export function normalizeSvg(markup: string): string {
  return `${markup
    .replace(/(\d+\.\d+)/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/>\s*</g, ">\n<")
    .trim()}\n`;
}
