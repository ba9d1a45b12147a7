import { catalog, docsAnchor, type DiagnosticCode, type ParamsOf, type Severity } from "./catalog.ts";
import type { SourceSpan } from "./source-file.ts";

/** One problem found in an editor's files. Plain data, so it can be printed, serialised or shown in a page. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  title: string;
  message: string;
  hint: string;
  docs: string;
  span: SourceSpan;
}

export function diagnostic<C extends DiagnosticCode>(code: C, params: ParamsOf<C>, span: SourceSpan): Diagnostic {
  const entry = catalog[code] as unknown as {
    severity: Severity;
    title: string;
    message: (p: ParamsOf<C>) => string;
    hint: (p: ParamsOf<C>) => string;
  };
  return {
    code,
    severity: entry.severity,
    title: entry.title,
    message: entry.message(params),
    hint: entry.hint(params),
    docs: docsAnchor(code),
    span,
  };
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === "error");

/** Sorts by file, then position, so output is stable whatever order checks ran in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.span.file.localeCompare(b.span.file) ||
      a.span.start.line - b.span.start.line ||
      a.span.start.column - b.span.start.column ||
      a.code.localeCompare(b.code),
  );
}
