/**
 * Map outlines are written in relative steps (src/engine/xml/relative-path.ts): the steps must add up
 * to exactly the points the absolute path had once cut to a tenth of a pixel (trimMapPath), and paths
 * that are not plain outlines are left to the caller.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapPath, trimMapPath } from "../../../src/engine/xml/geometry-precision.ts";
import { relativePath } from "../../../src/engine/xml/relative-path.ts";
import { pathPoints as points } from "../../support/path-points.ts";

describe("relativePath", () => {
  it("writes steps between points cut to a tenth, shortest numbers first", () => {
    expect(relativePath("M509.27,0.5L519.1,4.83L529.8,9.9Z")).toBe("m509.2,.5l9.9,4.3l10.7,5.1z");
    expect(relativePath("M10,10L9.95,10L9.9,9.2L10,10ZM20,20L20,20Z")).toBe("m10,10l-.1,0l0-.8l.1,.8zm10,10l0,0z");
  });

  it("lands on the points trimMapPath keeps, whatever the path", () => {
    const coordinate = fc.double({ min: -2000, max: 2000, noNaN: true }).map((v) => v.toFixed(3).replace(/\.?0+$/, "") || "0");
    const command = fc.oneof(
      fc.tuple(fc.constantFrom("M", "L"), coordinate, coordinate).map(([l, x, y]) => `${l}${x},${y}`),
      fc.constant("Z"),
    );
    const path = fc.tuple(fc.tuple(coordinate, coordinate), fc.array(command, { maxLength: 40 })).map(([[x, y], rest]) => `M${x},${y}${rest.join("")}`);
    fc.assert(
      fc.property(path, (d) => {
        const relative = relativePath(d);
        expect(relative).toBeDefined();
        expect(points(relative!)).toEqual(points(trimMapPath(d)));
      }),
    );
  });

  it("leaves circles, curves and exponents to the caller", () => {
    for (const d of ["M0,4.5A4.5,4.5,0,1,1,0,-4.5", "M1,2C3,4,5,6,7,8", "M1e-7,2L3,4", "M1,2 L3,4", ""]) {
      expect(relativePath(d)).toBe(d === "" ? "" : undefined);
    }
    expect(mapPath("M0.123,4.567A4.5,4.5,0,1,1,0,-4.5")).toBe("M0.1,4.5A4.5,4.5,0,1,1,0,-4.5");
  });
});
