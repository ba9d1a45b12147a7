/**
 * Preloaded (`node --import`) into Observable Framework's build by bench/framework.ts: refuses every
 * connection that leaves the machine (fetch and raw sockets) and notes each attempt, one a line, in the
 * file named by PLOTLINE_NETWORK_LOG, so the benchmark can say whether the build tried the network.
 */
import { appendFileSync } from "node:fs";
import net from "node:net";

const logPath = process.env["PLOTLINE_NETWORK_LOG"];
const note = (line: string) => {
  if (logPath) appendFileSync(logPath, `${line}\n`);
};
const loopback = new Set(["localhost", "127.0.0.1", "::1"]);

globalThis.fetch = async (input: string | URL | Request) => {
  const url = input instanceof Request ? input.url : String(input);
  note(`fetch ${url}`);
  throw new Error(`the benchmark's Framework build may not use the network (${url})`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  const first = args[0];
  const options = (typeof first === "object" && first !== null ? first : { port: first, host: args[1] }) as { host?: string; port?: number; path?: string };
  if (options.path || loopback.has(options.host ?? "localhost")) return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  note(`connect ${options.host}:${options.port}`);
  throw new Error(`the benchmark's Framework build may not use the network (${options.host})`);
} as typeof net.Socket.prototype.connect;
