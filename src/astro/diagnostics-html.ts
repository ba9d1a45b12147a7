import type { Diagnostic } from "../engine/diagnostics/diagnostic.ts";

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

/**
 * The panel shown at the top of a story in `astro dev` when it has errors, so the editor sees the
 * problem where they are looking. Production builds never contain it: they stop at the first error.
 */
export function errorPanelHtml(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length === 0) return "";
  const heading =
    errors.length === 1 ? "This story has 1 error" : `This story has ${errors.length} errors`;
  const items = errors.map((d) => {
    const where = `${d.span.file}:${d.span.start.line}:${d.span.start.column}`;
    return [
      "<li>",
      `<p><code class="plotline-error-where">${escapeHtml(where)}</code> `,
      `<code class="plotline-error-code">${escapeHtml(d.code)}</code></p>`,
      `<p class="plotline-error-message">${escapeHtml(d.message)}</p>`,
      `<p class="plotline-error-hint">${escapeHtml(d.hint)}</p>`,
      "</li>",
    ].join("");
  });
  return [
    '<div class="plotline-error" role="alert">',
    `<p class="plotline-error-heading"><strong>${heading}.</strong> `,
    "It is shown here only in the preview; the site will not build until it is fixed.</p>",
    `<ol>${items.join("")}</ol>`,
    "</div>\n",
  ].join("");
}
