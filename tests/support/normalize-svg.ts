/**
 * Golden chart files are compared after this normalisation, so that a diff shows what changed and
 * floating-point noise does not: one tag per line, and numbers inside attribute values (geometry)
 * rounded to one decimal. Text content — labels, tick values — is kept exactly as rendered.
 */
export function normalizeSvg(markup: string): string {
  return `${markup
    .replace(/="([^"]*)"/g, (_, value: string) => `="${value.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`)
    .replace(/>\s*</g, ">\n<")
    .trim()}\n`;
}
