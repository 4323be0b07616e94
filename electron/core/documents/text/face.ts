import type { Font } from 'harfbuzzjs';
import { harfBuzz } from './harfbuzz';
import { fontBytes, type FontName } from './font-files';

/** One font file, ready to shape with and to embed. */
export interface ShapingFace {
  name: FontName;
  bytes: Uint8Array;
  /** HarfBuzz font (scale = units per em, so positions come back in font units). */
  hb: Font;
  upem: number;
  covers(codePoint: number): boolean;
  /** Nominal advance of a glyph, in font units (what the PDF's width array says). */
  advance(glyph: number): number;
  metrics: { ascender: number; descender: number; bbox: [number, number, number, number]; capHeight: number };
}

const faces = new Map<FontName, Promise<ShapingFace>>();

export function shapingFace(name: FontName): Promise<ShapingFace> {
  let face = faces.get(name);
  if (!face) {
    face = loadFace(name);
    faces.set(name, face);
  }
  return face;
}

async function loadFace(name: FontName): Promise<ShapingFace> {
  const hb = await harfBuzz();
  const bytes = fontBytes(name);
  const face = new hb.Face(new hb.Blob(bytes));
  const font = new hb.Font(face);
  const unicodes = new Set(face.collectUnicodes());
  const head = face.referenceTable('head');
  if (!head) throw new Error(`${name}: the font has no head table`);
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const bbox: [number, number, number, number] = [view.getInt16(36), view.getInt16(38), view.getInt16(40), view.getInt16(42)];
  const extents = font.hExtents();
  const advances = new Map<number, number>();
  return {
    name,
    bytes,
    hb: font,
    upem: face.upem,
    covers: (cp) => unicodes.has(cp),
    advance(glyph) {
      let a = advances.get(glyph);
      if (a === undefined) {
        a = font.glyphHAdvance(glyph);
        advances.set(glyph, a);
      }
      return a;
    },
    metrics: { ascender: extents.ascender, descender: extents.descender, bbox, capHeight: Math.round(extents.ascender * 0.7) },
  };
}
