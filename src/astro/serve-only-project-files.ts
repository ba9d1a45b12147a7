import type { IncomingMessage, ServerResponse } from "node:http";
import { join, sep } from "node:path";
import { isInside } from "../engine/is-inside.ts";
import { resolveInProject } from "../engine/project/resolve-in-project.ts";

/**
 * A Vite plugin for `astro dev`: the dev server never answers with a file from outside the project
 * through a symbolic link inside it (public/notes.txt → ~/.bashrc, data/x.csv → /etc/passwd), by any
 * route Vite has to files: the site's paths for public/, the project's own paths (/data/x.csv,
 * ?raw, ?import) and /@fs/. Such a request gets a 404, as it would on the built site, where
 * public/link-outside keeps the link out. node_modules is left alone: packages are often links to a
 * shared store outside the project, and Vite must load them.
 */
export function serveOnlyProjectFiles() {
  return {
    name: "plotline:serve-only-project-files",
    configureServer(server: { config: { root: string; base: string }; middlewares: { use: (handler: Middleware) => void } }) {
      const root = server.config.root;
      const base = server.config.base.endsWith("/") ? server.config.base : `${server.config.base}/`;
      // Returned directly (not from a function), so it runs before Vite's own file serving.
      server.middlewares.use((request, response, next) => {
        const leaving = leavesProject(root, base, request.url ?? "");
        if (leaving === undefined) return next();
        response.statusCode = 404;
        response.setHeader("Content-Type", "text/plain; charset=utf-8");
        response.end(`Not served: ${leaving} is a symbolic link to a place outside the project.\n`);
      });
    },
  };
}

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/** The project path a request would read through a link leading out of the project, if any. */
export function leavesProject(root: string, base: string, url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(url.split(/[?#]/)[0] ?? "");
  } catch {
    return undefined;
  }
  const candidates: string[] = [];
  if (path.startsWith("/@fs/")) candidates.push(path.slice("/@fs".length));
  else {
    const local = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\/+/, "");
    candidates.push(join(root, local), join(root, "public", local));
    if (path.startsWith(`${base}@fs/`)) candidates.push(path.slice(`${base}@fs`.length));
  }
  for (const file of candidates) {
    // Only paths inside the project, and not its packages.
    if (!isInside(root, file) || isInside(join(root, "node_modules"), file)) continue;
    if (resolveInProject(root, file).kind === "outside") return file.slice(root.length + 1).split(sep).join("/");
  }
  return undefined;
}
