/**
 * Just enough of the TrueType/OpenType (sfnt) format for the fonts PNGs are drawn with (see
 * noto-sans-sc.ts): reading and writing its table directory, and giving a font another name.
 */

export interface Table {
  tag: string;
  data: Uint8Array;
}

function readTables(sfnt: Uint8Array): { flavor: number; tables: Table[] } {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const count = view.getUint16(4);
  const tables = Array.from({ length: count }, (_, i) => {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(...sfnt.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    return { tag, data: sfnt.subarray(offset, offset + view.getUint32(record + 12)) };
  });
  return { flavor: view.getUint32(0), tables };
}

/** An sfnt file made of these tables (in tag order, with their checksums). */
export function writeTables(flavor: number, tables: readonly Table[]): Uint8Array {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const padded = (n: number) => (n + 3) & ~3;
  const headerLength = 12 + 16 * sorted.length;
  const sfnt = new Uint8Array(headerLength + sorted.reduce((sum, t) => sum + padded(t.data.byteLength), 0));
  const view = new DataView(sfnt.buffer);
  let power = 1;
  while (power * 2 <= sorted.length) power *= 2;
  view.setUint32(0, flavor);
  view.setUint16(4, sorted.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, sorted.length * 16 - power * 16);
  let at = headerLength;
  sorted.forEach((table, i) => {
    const record = 12 + i * 16;
    for (let k = 0; k < 4; k++) view.setUint8(record + k, table.tag.charCodeAt(k));
    view.setUint32(record + 4, checksum(table.data));
    view.setUint32(record + 8, at);
    view.setUint32(record + 12, table.data.byteLength);
    sfnt.set(table.data, at);
    at += padded(table.data.byteLength);
  });
  return sfnt;
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.byteLength; i += 4) {
    sum = (sum + (((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0))) >>> 0;
  }
  return sum;
}

export interface FontNames {
  family: string;
  bold: boolean;
  /**
   * Mark the font oblique and semi-expanded (OS/2 fsSelection and usWidthClass; the outlines do not
   * change). resvg fills in a character a font lacks from the first other font that has it, skipping
   * only fonts that differ from the text's font in style, weight and stretch all at once (usvg's
   * find_font_for_char). Fonts marked so differ from the upright, normal-width fonts text is set in in
   * style and stretch, so their weight alone decides: bold text is filled in from bold fonts only.
   */
  fillInOnly?: boolean;
}

/**
 * The font with a new name table (family, and style "Regular" or "Bold"). resvg picks the font text
 * is set in by family, so a family name decides which files set text and which only fill in characters.
 */
export function renameFont(sfnt: Uint8Array, { family, bold, fillInOnly = false }: FontNames): Uint8Array {
  const { flavor, tables } = readTables(sfnt);
  const style = bold ? "Bold" : "Regular";
  const names: [number, string][] = [
    [1, family],
    [2, style],
    [4, `${family} ${style}`],
    [6, `${family.replace(/[^A-Za-z0-9]/g, "")}-${style}`],
  ];
  const strings = names.map(([, text]) => {
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[i * 2] = text.charCodeAt(i) >> 8;
      bytes[i * 2 + 1] = text.charCodeAt(i) & 0xff;
    }
    return bytes;
  });
  const headerLength = 6 + 12 * names.length;
  const name = new Uint8Array(headerLength + strings.reduce((sum, s) => sum + s.byteLength, 0));
  const view = new DataView(name.buffer);
  view.setUint16(2, names.length);
  view.setUint16(4, headerLength);
  let offset = 0;
  names.forEach(([id], i) => {
    const record = 6 + i * 12;
    // Windows platform, Unicode BMP, US English: the record every font reader looks for.
    view.setUint16(record, 3);
    view.setUint16(record + 2, 1);
    view.setUint16(record + 4, 0x409);
    view.setUint16(record + 6, id);
    view.setUint16(record + 8, strings[i]!.byteLength);
    view.setUint16(record + 10, offset);
    name.set(strings[i]!, headerLength + offset);
    offset += strings[i]!.byteLength;
  });
  return writeTables(
    flavor,
    tables.map((table) => {
      if (table.tag === "name") return { tag: "name", data: name };
      if (table.tag !== "OS/2" || !fillInOnly) return table;
      const os2 = new Uint8Array(table.data);
      const view = new DataView(os2.buffer);
      view.setUint16(6, 6); // usWidthClass: semi-expanded
      // fsSelection: oblique (bit 9), and no longer "regular" (bit 6).
      view.setUint16(62, (view.getUint16(62) | (1 << 9)) & ~(1 << 6));
      return { tag: "OS/2", data: os2 };
    }),
  );
}
