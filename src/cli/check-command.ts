import { compileProject } from "../engine/project/compile-project.ts";
import { plural, printDiagnostics } from "./print-diagnostics.ts";

/** `plotline check`: reports every problem in every story without building pages. */
export function checkCommand(root: string): number {
  const project = compileProject(root);
  const counts = printDiagnostics(root, project.diagnostics, (text) => process.stdout.write(text));
  if (counts.errors || counts.warnings) {
    process.stdout.write(`${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")}.\n`);
  }
  return counts.errors > 0 ? 1 : 0;
}
