import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { encodePng } from "../../../src/engine/image/encode-png.ts";
import { decodePng } from "../../support/decode-png.ts";

/** Every chunk of a PNG: type, and whether its CRC matches its type and data. */
function chunks(png: Uint8Array): { type: string; crcOk: boolean }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const found: { type: string; crcOk: boolean }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    found.push({ type: String.fromCharCode(...typeAndData.subarray(0, 4)), crcOk: crc32(typeAndData) === view.getUint32(at + 8 + length) });
    at += 12 + length;
  }
  return found;
}

describe("encoding drawn pixels as PNG", () => {
  // resvg hands over colour multiplied by alpha: half-transparent red is (128, 0, 0, 128).
  const premultiplied = new Uint8Array([255, 255, 255, 255, 128, 0, 0, 128, 0, 0, 0, 0, 10, 20, 30, 255]);
  const png = encodePng(2, 2, premultiplied);

  it("writes a PNG signature and IHDR, IDAT and IEND chunks with correct CRCs", () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(chunks(png)).toEqual([
      { type: "IHDR", crcOk: true },
      { type: "IDAT", crcOk: true },
      { type: "IEND", crcOk: true },
    ]);
  });

  it("stores colour as is, not multiplied by alpha, and keeps opaque and empty pixels untouched", () => {
    const { width, height, pixels } = decodePng(png);
    expect([width, height]).toEqual([2, 2]);
    expect([...pixels]).toEqual([255, 255, 255, 255, 255, 0, 0, 128, 0, 0, 0, 0, 10, 20, 30, 255]);
  });

  it("returns bytes in a buffer of their own, which can be moved to another thread", () => {
    expect(png.byteOffset).toBe(0);
    expect(png.buffer.byteLength).toBe(png.byteLength);
  });

  it("un-premultiplies partly transparent pixels in any row, and draws a smaller image after a larger one without any of it", () => {
    const grey = new Uint8Array(36).map((_, i) => (i % 4 === 3 ? 255 : 200));
    expect([...decodePng(encodePng(3, 3, grey)).pixels]).toEqual([...grey]);
    // Second row, second pixel: 50% green.
    const small = encodePng(2, 2, new Uint8Array([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 64, 0, 128]));
    expect([...decodePng(small).pixels]).toEqual([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 128, 0, 128]);
  });
});
