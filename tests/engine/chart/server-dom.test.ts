import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseHTML } from "linkedom";
import { expect, it } from "vitest";

const eventTargetFile = (flavour: "esm" | "cjs") =>
  createRequire(import.meta.url).resolve("linkedom/package.json").replace(/package\.json$/, `${flavour}/interface/event-target.js`);

it("linkedom is installed with Plotline's patch (patches/), so its nodes get no listener map until a listener is added", () => {
  // Without it every node and attribute Plot makes on the server gets a WeakMap entry: compiling
  // 150 stories took 16.6 s instead of 13.1 s (see the README's Performance section).
  for (const flavour of ["esm", "cjs"] as const) {
    const constructor = /constructor\(\) \{([^}]*)\}/.exec(readFileSync(eventTargetFile(flavour), "utf8"))?.[1] ?? "";
    expect(constructor, `${flavour} build`).not.toContain("wm.set");
  }
});

it("the patched linkedom still adds, calls and removes event listeners", () => {
  const { document } = parseHTML("<!doctype html><html><body><div><span></span></div></body></html>");
  const outer = document.querySelector("div")!;
  const inner = document.querySelector("span")!;
  const heard: string[] = [];
  const listener = (event: Event) => void heard.push(`${event.type} at ${(event.currentTarget as Element).tagName}`);
  // Removing from a node that never had a listener is harmless.
  inner.removeEventListener("ping", listener);
  outer.addEventListener("ping", listener);
  inner.dispatchEvent(new document.defaultView!.Event("ping", { bubbles: true }));
  outer.removeEventListener("ping", listener);
  inner.dispatchEvent(new document.defaultView!.Event("ping", { bubbles: true }));
  expect(heard).toEqual(["ping at DIV"]);
});
