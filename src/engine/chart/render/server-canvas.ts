import { deflateSync } from "node:zlib";
import { color as parseColor } from "d3";

/**
 * Just enough of a 2D canvas for Plot's server-side needs (colour ramps in legends, the raster mark):
 * it keeps RGBA pixels and encodes them as a PNG data URL. linkedom has no canvas of its own.
 */
export class ServerCanvas {
  width = 300;
  height = 150;
  #pixels: Uint8ClampedArray | undefined;

  get pixels(): Uint8ClampedArray {
    const size = this.width * this.height * 4;
    if (!this.#pixels || this.#pixels.length !== size) this.#pixels = new Uint8ClampedArray(size);
    return this.#pixels;
  }

  getContext(type: string): ServerContext2D | null {
    return type === "2d" ? new ServerContext2D(this) : null;
  }

  toDataURL(): string {
    return `data:image/png;base64,${encodePng(this.width, this.height, this.pixels).toString("base64")}`;
  }
}

class ServerContext2D {
  readonly canvas: ServerCanvas;
  fillStyle = "#000";
  globalAlpha = 1;
  constructor(canvas: ServerCanvas) {
    this.canvas = canvas;
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    const c = parseColor(String(this.fillStyle))?.rgb();
    if (!c) return;
    const { width, height, pixels } = this.canvas;
    const alpha = Math.round(c.opacity * this.globalAlpha * 255);
    for (let j = Math.max(0, Math.floor(y)); j < Math.min(height, Math.ceil(y + h)); j++) {
      for (let i = Math.max(0, Math.floor(x)); i < Math.min(width, Math.ceil(x + w)); i++) {
        pixels.set([c.r, c.g, c.b, alpha], (j * width + i) * 4);
      }
    }
  }
  createImageData(w: number, h: number): { width: number; height: number; data: Uint8ClampedArray } {
    return { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
  }
  putImageData(image: { width: number; height: number; data: Uint8ClampedArray }, dx: number, dy: number): void {
    const { width, pixels } = this.canvas;
    for (let j = 0; j < image.height; j++) {
      const row = image.data.subarray(j * image.width * 4, (j + 1) * image.width * 4);
      pixels.set(row.subarray(0, Math.max(0, Math.min(row.length, (width - dx) * 4))), ((j + dy) * width + dx) * 4);
    }
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}
function encodePng(width: number, height: number, rgba: Uint8ClampedArray): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array(0)),
  ]);
}
