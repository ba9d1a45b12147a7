#!/usr/bin/env node
import { ConfigError } from "../engine/project/house-style.ts";

const usage = `Usage: plotline <command>

Commands:
  build [--report <file>]   check every story, then build the site into dist/
                            (--report writes timings and peak memory as JSON)
  check [--format json]     check every story as build does and report every problem, without writing the site
                            (--format json: one JSON report, for editors' tools)
  new "Title" [--lang en|zh-CN] [--slug name]
                            write content/stories/<name>.md, a draft story with an example of every part
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const root = process.cwd();
  if (command === "build" || command === "check") (await import("./node-compile-cache.ts")).enableNodeCompileCache(root);
  switch (command) {
    case "build": {
      const reportIndex = rest.indexOf("--report");
      const report = reportIndex >= 0 ? rest[reportIndex + 1] : undefined;
      // Each command is loaded when run: a build never loads the engine on this thread (compile-off-main.ts).
      const { buildCommand } = await import("./build-command.ts");
      return buildCommand(root, report ? { report } : {});
    }
    case "new":
      return (await import("./new-command.ts")).newCommand(root, rest);
    case "check": {
      const formatIndex = rest.indexOf("--format");
      const format = formatIndex >= 0 ? rest[formatIndex + 1] : "text";
      if (format !== "text" && format !== "json") {
        process.stderr.write(`Unknown format "${format}": use --format text or --format json.\n`);
        return 2;
      }
      return (await import("./check-command.ts")).checkCommand(root, { format });
    }
    default:
      process.stderr.write(usage);
      return command === undefined || command === "--help" ? 0 : 2;
  }
}

/**
 * Exits once everything written to stdout and stderr has left the process. On Linux and macOS Node
 * writes to a pipe (a CI log, `| tee`, a test) asynchronously: what the reader has not taken yet
 * when process.exit runs is lost, so a build with many diagnostics printed its first screens and lost
 * the rest, summary line included. A write's callback runs once the writes before it are out (or,
 * with an error, once the reader has gone: see below).
 */
async function exitWhenWritten(code: number): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write("", () => resolve()))));
  process.exit(code);
}

// A reader that stops reading (`plotline check | head`) closes the pipe: the rest of the output has
// nowhere to go, which is no mistake of the command's. It runs to its end and exits as it would have.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => exitWhenWritten(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return exitWhenWritten(2);
    }
    // Anything reaching here is a bug in Plotline, not an editor's mistake: say so plainly.
    process.stderr.write(`Plotline stopped because of an internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report this.\n`);
    return exitWhenWritten(70);
  },
);
