/**
 * A small static file server for tests and the benchmark: serves a built site (dist/) on loopback,
 * under a base path, gzipping text as a CDN would, with optional extra headers (e.g. a CSP).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

export interface StaticServerOptions {
  /** Path the site is served under, e.g. "/newsroom/". */
  base?: string;
  headers?: Record<string, string>;
  gzip?: boolean;
  /** Apply the site's own `_headers` file as Netlify and Cloudflare Pages do (and never serve it). */
  hostHeaders?: boolean;
}

/** The rules of a `_headers` file: a path pattern (`*` matches anything) and the headers it adds. */
export function parseHeadersFile(text: string): { path: string; pattern: RegExp; headers: [string, string][] }[] {
  const rules: { path: string; pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
      rules.push({ path: line.trim(), pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const colon = line.indexOf(":");
      rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** The headers a host following `_headers` sends for a path: every matching rule, repeats joined by commas. */
export function hostHeadersFor(rules: ReturnType<typeof parseHeadersFile>, path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const [name, value] of rule.headers) headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

export async function serveStatic(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const base = options.base ?? "/";
  const headersFile = join(dir, "_headers");
  const hostRules = options.hostHeaders && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, "utf8")) : [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    let requestPath: string;
    try {
      requestPath = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end("malformed URL");
      return;
    }
    let path = requestPath;
    if (!path.startsWith(base)) return notFound();
    path = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, "");
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file) || (options.hostHeaders && path === "_headers")) return notFound();
    send(200, file);

    function notFound() {
      const page = join(dir, "404.html");
      if (existsSync(page)) send(404, page);
      else {
        response.writeHead(404).end("not found");
      }
    }
    function send(status: number, path: string) {
      const type = types[extname(path)] ?? "application/octet-stream";
      let body: Buffer = readFileSync(path);
      const headers: Record<string, string> = {
        "Content-Type": type,
        "Cache-Control": "no-cache",
        ...hostHeadersFor(hostRules, requestPath),
        ...options.headers,
      };
      const accepts = String(request.headers["accept-encoding"] ?? "");
      if (options.gzip !== false && /gzip/.test(accepts) && /text|json|xml|svg|javascript/.test(type)) {
        body = gzipSync(body, { level: 6 });
        headers["Content-Encoding"] = "gzip";
      }
      headers["Content-Length"] = String(body.length);
      response.writeHead(status, headers).end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
