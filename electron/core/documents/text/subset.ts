import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Font subsetting with HarfBuzz's own subsetter (harfbuzzjs ships it as a second, import-free
 * WASM module). Glyph ids are retained, so content streams that name glyph ids stay valid, and
 * only the outlines of the glyphs actually drawn are kept: a card embeds kilobytes, not the
 * whole 500 kB font.
 */
interface SubsetExports {
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, lengthPtr: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const RETAIN_GIDS = 0x2;
const NO_HINTING = 0x1;
const NO_LAYOUT_CLOSURE = 0x200;
const MEMORY_MODE_WRITABLE = 2;
const SETS_DROP_TABLE_TAG = 3;
/** Layout tables: the text is shaped already, a PDF viewer only draws the glyphs named. */
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'MATH', 'kern', 'morx', 'STAT', 'meta', 'DSIG'];
const tag = (t: string) => ((t.charCodeAt(0) << 24) | (t.charCodeAt(1) << 16) | (t.charCodeAt(2) << 8) | t.charCodeAt(3)) >>> 0;

/** The two WebAssembly constructors used (Node's globals; the node-only type set does not declare them). */
const { WebAssembly: Wasm } = globalThis as unknown as {
  WebAssembly: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object, imports: object) => { exports: unknown } };
};

let wasm: SubsetExports | undefined;

function subsetter(): SubsetExports {
  if (!wasm) {
    const file = createRequire(__filename).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    wasm = new Wasm.Instance(new Wasm.Module(readFileSync(file)), {}).exports as unknown as SubsetExports;
  }
  return wasm;
}

/** Each font is copied into the subsetter's memory once and its face kept: documents reuse it. */
const faces = new Map<Uint8Array, number>();

function sourceFace(hb: SubsetExports, bytes: Uint8Array): number {
  let face = faces.get(bytes);
  if (face === undefined) {
    const fontPtr = hb.malloc(bytes.length);
    new Uint8Array(hb.memory.buffer).set(bytes, fontPtr);
    const blob = hb.hb_blob_create(fontPtr, bytes.length, MEMORY_MODE_WRITABLE, 0, 0);
    face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob); // the face holds its own reference
    faces.set(bytes, face);
  }
  return face;
}

/** The font with only `glyphs` (and .notdef) kept, at their original ids; the whole font if subsetting fails. */
export function subsetFont(bytes: Uint8Array, glyphs: Iterable<number>): Uint8Array {
  return subset(bytes, (hb, input) => {
    const set = hb.hb_subset_input_glyph_set(input);
    hb.hb_set_add(set, 0);
    for (const g of glyphs) hb.hb_set_add(set, g);
    hb.hb_subset_input_set_flags(input, RETAIN_GIDS | NO_HINTING | NO_LAYOUT_CLOSURE);
    const drop = hb.hb_subset_input_set(input, SETS_DROP_TABLE_TAG);
    for (const t of DROPPED_TABLES) hb.hb_set_add(drop, tag(t));
  });
}

/**
 * The glyphs that drawing these characters can take, in every form and ligature the font's
 * substitutions make of them (HarfBuzz's layout closure): those with an outline. Glyphs without one
 * (a space) are found by the caller from the character map.
 */
export function outlinedClosure(bytes: Uint8Array, codePoints: Iterable<number>): Set<number> {
  const closed = subset(bytes, (hb, input) => {
    const set = hb.hb_subset_input_unicode_set(input);
    for (const cp of codePoints) hb.hb_set_add(set, cp);
    hb.hb_subset_input_set_flags(input, RETAIN_GIDS | NO_HINTING);
  });
  if (closed === bytes) throw new Error('the font could not be subset to find its glyph closure');
  return outlinedGlyphs(closed);
}

function subset(bytes: Uint8Array, describe: (hb: SubsetExports, input: number) => void): Uint8Array {
  const hb = subsetter();
  const face = sourceFace(hb, bytes);
  const lengthPtr = hb.malloc(4);
  const input = hb.hb_subset_input_create_or_fail();
  try {
    if (!input) return bytes;
    describe(hb, input);
    const subset = hb.hb_subset_or_fail(face, input);
    if (!subset) return bytes;
    const out = hb.hb_face_reference_blob(subset);
    const dataPtr = hb.hb_blob_get_data(out, lengthPtr);
    const length = new Uint32Array(hb.memory.buffer, lengthPtr, 1)[0]!;
    const result = new Uint8Array(hb.memory.buffer, dataPtr, length).slice();
    hb.hb_blob_destroy(out);
    hb.hb_face_destroy(subset);
    return result.length > 0 ? result : bytes;
  } finally {
    if (input) hb.hb_subset_input_destroy(input);
    hb.free(lengthPtr);
  }
}

/** The glyph ids of a TrueType program (its loca table) that have an outline. */
function outlinedGlyphs(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, number>();
  for (let k = 0; k < view.getUint16(4); k++) {
    const rec = 12 + k * 16;
    tables.set(String.fromCharCode(...font.subarray(rec, rec + 4)), view.getUint32(rec + 8));
  }
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  if (head === undefined || maxp === undefined || loca === undefined) throw new Error('the font has no head, maxp or loca table');
  const long = view.getInt16(head + 50) === 1;
  const at = (g: number) => (long ? view.getUint32(loca + g * 4) : view.getUint16(loca + g * 2) * 2);
  const glyphs = new Set<number>();
  for (let g = 0; g < view.getUint16(maxp + 4); g++) if (at(g + 1) > at(g)) glyphs.add(g);
  return glyphs;
}

/** Six capital letters from the glyph set. */
export function subsetTag(glyphs: number[]): string {
  let h = 2166136261;
  for (const g of glyphs.sort((a, b) => a - b)) h = Math.imul(h ^ g, 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + 7919 * (i + 1);
  }
  return tag;
}
