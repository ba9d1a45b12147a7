import { expect, it } from "vitest";
import { jsonLdText } from "../../src/astro/json-ld-text.ts";

it("writes JSON that no editor's text can close the script element with, and that parses back to the same value", () => {
  const value = { headline: "Pay </script><script>alert(1)</script> & <!-- more", note: "line\u2028separator" };
  const text = jsonLdText(value);
  expect(text).not.toMatch(/[<>&\u2028]/);
  expect(JSON.parse(text)).toEqual(value);
});
