/**
 * What the PDF/A checker needs to know of an embedded TrueType program: how many glyphs it has and
 * each glyph's advance width (hmtx), in 1000ths of the em as a PDF's W array gives them.
 */
export interface TrueTypeMetrics {
  numGlyphs: number;
  unitsPerEm: number;
  /** Advance of a glyph in 1000ths of the em; glyph ids past numberOfHMetrics take the last advance. */
  advance(glyph: number): number;
  /** Whether the glyph has an outline (empty glyphs, such as a space, have none). */
  hasOutline(glyph: number): boolean;
}

export function readTrueType(bytes: Uint8Array): TrueTypeMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, { offset: number; length: number }>();
  const count = view.getUint16(4);
  for (let k = 0; k < count; k++) {
    const rec = 12 + k * 16;
    const tag = String.fromCharCode(...bytes.subarray(rec, rec + 4));
    tables.set(tag, { offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
  }
  const table = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new Error(`the font program has no ${tag} table`);
    if (t.offset + t.length > bytes.length) throw new Error(`the font program's ${tag} table runs past its end`);
    return t;
  };
  const unitsPerEm = view.getUint16(table('head').offset + 18);
  const longLoca = view.getInt16(table('head').offset + 50) === 1;
  const numGlyphs = view.getUint16(table('maxp').offset + 4);
  const numberOfHMetrics = view.getUint16(table('hhea').offset + 34);
  const hmtx = table('hmtx').offset;
  const loca = tables.has('loca') ? table('loca').offset : -1;
  const locaAt = (g: number) => (longLoca ? view.getUint32(loca + g * 4) : view.getUint16(loca + g * 2) * 2);
  return {
    numGlyphs,
    unitsPerEm,
    advance: (g) => (view.getUint16(hmtx + Math.min(g, numberOfHMetrics - 1) * 4) * 1000) / unitsPerEm,
    hasOutline: (g) => loca >= 0 && g < numGlyphs && locaAt(g + 1) > locaAt(g),
  };
}
