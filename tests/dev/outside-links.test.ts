/**
 * The dev server serves nothing from outside the project: a symbolic link inside the project (in
 * public/, data/ or anywhere else it serves files from) that leads outside it answers 404, by every
 * route Vite has to a file (the site's path, /@fs/, ?raw), and the server's log reports it; a link that
 * stays inside is served.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempProject, repoRoot } from "../support/temp-project.ts";
import { ownNodeModules, startDevServer, type DevServer } from "./astro-dev-server.ts";

const secret = "password=hunter2";
let project: ReturnType<typeof createTempProject> | undefined;
let outside: string | undefined;
let server: DevServer | undefined;

beforeAll(async () => {
  project = createTempProject(join(repoRoot, "tests", "sites", "dev"));
  ownNodeModules(project.root);
  outside = mkdtempSync(join(tmpdir(), "plotline-outside-"));
  writeFileSync(join(outside, "secrets.txt"), `${secret}\n`);
  const root = project.root;
  mkdirSync(join(root, "public", "deep"), { recursive: true });
  symlinkSync(join(outside, "secrets.txt"), join(root, "public", "notes.txt"));
  symlinkSync(outside, join(root, "public", "deep", "shared"));
  symlinkSync(join(outside, "secrets.txt"), join(root, "data", "leak.csv"));
  writeFileSync(join(root, "data", "inside.csv"), "city,jobs\nInside,1\n");
  symlinkSync("../data/inside.csv", join(root, "public", "inside.csv"));
  server = await startDevServer(root);
}, 90_000);

afterAll(async () => {
  await server?.stop();
  project?.cleanup();
  if (outside) rmSync(outside, { recursive: true, force: true });
}, 30_000);

const get = async (path: string) => {
  const response = await fetch(`${server!.url}${path}`);
  return { status: response.status, text: await response.text() };
};

describe("astro dev and links leading out of the project", () => {
  it.each([
    "/notes.txt",
    "/deep/shared/secrets.txt",
    "/public/notes.txt",
    "/data/leak.csv",
    "/data/leak.csv?raw",
    "/data/leak.csv?import",
  ])("%s answers 404 and never the file's content", async (path) => {
    const { status, text } = await get(path);
    expect(text).not.toContain(secret);
    expect(status).toBe(404);
  });

  it("also through Vite's /@fs/ route", async () => {
    for (const path of [`/@fs${project!.root}/data/leak.csv`, `/@fs${project!.root}/public/notes.txt`, `/@fs${project!.root}/public/deep/shared/secrets.txt?raw`]) {
      const { status, text } = await get(path);
      expect(text, path).not.toContain(secret);
      expect(status, path).toBe(404);
    }
  });

  it("says so in its log, as check and build do", () => {
    expect(server!.log()).toContain("public/notes.txt:1:1 error public/link-outside public/notes.txt is a symbolic link to");
    expect(server!.log()).toContain("public/deep/shared:1:1 error public/link-outside");
    expect(server!.log()).not.toContain(secret);
  });

  it("serves a link in public/ to a file inside the project", async () => {
    const { status, text } = await get("/inside.csv");
    expect(status).toBe(200);
    expect(text).toContain("Inside,1");
  });
});
