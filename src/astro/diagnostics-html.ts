import { codeFrame } from "../engine/diagnostics/format-diagnostic.ts";
import type { Diagnostic } from "../engine/diagnostics/diagnostic.ts";

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

/** "1 error", "2 warnings". */
export function countLabel(count: number, noun: "error" | "warning"): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

export interface OverlayOptions {
  /**
   * The text of a project file (root-relative path, as in `diagnostic.span.file`), normalised as the
   * engine read it (no BOM, "\n" line ends), for the code frames; undefined if it cannot be read.
   */
  source?: (file: string) => string | undefined;
  /**
   * The address of a diagnostic's docs ("docs/diagnostics.md#plot-unknown-column", a path from the
   * project root) for the overlay's link. Default: that path from the root of the server.
   */
  docsHref?: (docs: string) => string;
}

/**
 * The diagnostics overlay of a story in `astro dev`: fixed to the top of the window, so an editor
 * cannot miss it, and collapsible (a <details>, no JavaScript). Each diagnostic shows where it is
 * (file:line:column), its severity and code, the message, the lines around it with the position
 * marked, the hint and a link to its entry in docs/diagnostics.md. With errors it starts open; with
 * only warnings it starts closed and is drawn lighter. Production builds never contain it: a build
 * stops at the first error, and the loader only adds this in dev.
 *
 * Everything that comes from a file or a diagnostic is HTML-escaped.
 */
export function devOverlayHtml(diagnostics: readonly Diagnostic[], options: OverlayOptions = {}): string {
  if (diagnostics.length === 0) return "";
  const errors = diagnostics.filter((d) => d.severity === "error");
  const warnings = diagnostics.filter((d) => d.severity !== "error");
  const counts = [errors.length > 0 ? countLabel(errors.length, "error") : "", warnings.length > 0 ? countLabel(warnings.length, "warning") : ""]
    .filter(Boolean)
    .join(" and ");
  const note =
    errors.length > 0
      ? "Shown only in the dev preview. The site will not build until the errors are fixed; this page updates when you save."
      : "Shown only in the dev preview. Warnings do not stop the build.";
  const docsHref = options.docsHref ?? ((docs: string) => `/${docs}`);
  const items = [...errors, ...warnings].map((d) => diagnosticHtml(d, options.source?.(d.span.file), docsHref(d.docs)));
  const kind = errors.length > 0 ? "plotline-dev-overlay-errors" : "plotline-dev-overlay-warnings";
  return [
    // lang="en": the overlay is in English whatever language the story is in.
    `<div class="plotline-dev-overlay ${kind}" lang="en" dir="ltr" data-plotline-dev-overlay="" role="${errors.length > 0 ? "alert" : "status"}">`,
    `<details${errors.length > 0 ? " open" : ""}>`,
    `<summary class="plotline-dev-summary"><strong>This story has ${counts}</strong></summary>`,
    '<div class="plotline-dev-content">',
    `<p class="plotline-dev-note">${escapeHtml(note)}</p>`,
    `<ol class="plotline-dev-list">${items.join("")}</ol>`,
    "</div>",
    "</details>",
    "</div>\n",
  ].join("");
}

function diagnosticHtml(d: Diagnostic, source: string | undefined, docsHref: string): string {
  const { file, start } = d.span;
  const where = `${file}:${start.line}:${start.column}`;
  const severity = d.severity === "error" ? "error" : "warning";
  const frame = source === undefined ? "" : codeFrameHtml(d, source);
  return [
    `<li class="plotline-dev-diagnostic plotline-dev-${severity}">`,
    '<p class="plotline-dev-head">',
    `<code class="plotline-dev-where">${escapeHtml(where)}</code> `,
    `<span class="plotline-dev-severity">${severity}</span> `,
    `<code class="plotline-dev-code">${escapeHtml(d.code)}</code>`,
    "</p>",
    `<p class="plotline-dev-message">${escapeHtml(d.message)}</p>`,
    frame,
    `<p class="plotline-dev-hint"><span class="plotline-dev-label">Hint:</span> ${escapeHtml(d.hint)}</p>`,
    `<p class="plotline-dev-docs">Docs: <a href="${escapeHtml(docsHref)}">${escapeHtml(d.docs)}</a></p>`,
    "</li>",
  ].join("");
}

/**
 * The lines around the position, as the terminal shows them (@babel/code-frame, without colour),
 * with the line of the position and the marker under it picked out for CSS.
 */
function codeFrameHtml(d: Diagnostic, source: string): string {
  let frame: string;
  try {
    // Long lines cut to a window around the position, as in the terminal.
    frame = codeFrame(d, source);
  } catch {
    return "";
  }
  if (frame.trim() === "") return "";
  const lines = frame.split("\n").map((line) => {
    // "> 27 |   - barX: …" is the line of the position; "    |     ^^^" under it marks the columns.
    if (line.startsWith(">")) return `<span class="plotline-dev-frame-focus">${escapeHtml(line)}</span>`;
    if (/^\s*\|\s*\^/.test(line)) return escapeHtml(line).replace(/\^+/, (carets) => `<span class="plotline-dev-frame-marker">${carets}</span>`);
    return escapeHtml(line);
  });
  return `<pre class="plotline-dev-frame"><code>${lines.join("\n")}</code></pre>`;
}
