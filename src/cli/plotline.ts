#!/usr/bin/env node
import { buildCommand } from "./build-command.ts";
import { checkCommand } from "./check-command.ts";

const usage = `Usage: plotline <command>

Commands:
  build   check every story, then build the site into dist/
  check   check every story and report every problem, without building
`;

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  const root = process.cwd();
  switch (command) {
    case "build":
      return buildCommand(root);
    case "check":
      return checkCommand(root);
    default:
      process.stderr.write(usage);
      return command === undefined || command === "--help" ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Anything reaching here is a bug in Plotline, not an editor's mistake: say so plainly.
    process.stderr.write(`Plotline stopped because of an internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report this.\n`);
    process.exit(70);
  },
);
