import { deflateSync } from 'node:zlib';
import type { ShapingFace } from './face';
import { outlinedClosure, subsetFont, subsetTag } from './subset';

/**
 * One font program per face for the documents whose text stays within the common characters:
 * Arabic (with the Persian and Urdu letters names are written in, the vowel marks and Arabic-Indic
 * digits), Latin-1 and the punctuation the layouts use, in every form and ligature the font makes
 * of them. It is subset and deflated once per process, and then every card, letter and report that
 * draws only those glyphs embeds the same bytes instead of a subset of its own: subsetting and
 * compressing four fonts was a third of a card's time. A document drawing any other glyph gets its
 * own subset as before (pdf-font.ts), so nothing is ever drawn from a program that lacks it.
 */
export interface CommonGlyphs {
  glyphs: ReadonlySet<number>;
  /** The subset program, deflated, and its length before. */
  deflated: Uint8Array;
  length: number;
  /** The tag its font name carries (ISO 32000 9.6.4). */
  tag: string;
}

const ranges: Array<[number, number]> = [
  [0x0020, 0x007e], // ASCII
  [0x00a0, 0x00ff], // Latin-1: accented names, ·, ×
  [0x060c, 0x060c], // ،
  [0x061b, 0x061b], // ؛
  [0x061f, 0x061f], // ؟
  [0x0621, 0x063a], // Arabic letters
  [0x0640, 0x0652], // tatweel, letters, vowel marks
  [0x0660, 0x066d], // Arabic-Indic digits and separators
  [0x0670, 0x0670], // superscript alef
  [0x0679, 0x0679], // ٹ
  [0x067e, 0x067e], // پ
  [0x0686, 0x0686], // چ
  [0x0688, 0x0688], // ڈ
  [0x0691, 0x0691], // ڑ
  [0x0698, 0x0698], // ژ
  [0x06a9, 0x06a9], // ک
  [0x06af, 0x06af], // گ
  [0x06ba, 0x06ba], // ں
  [0x06be, 0x06be], // ھ
  [0x06c1, 0x06c1], // ہ
  [0x06cc, 0x06cc], // ی
  [0x06d2, 0x06d2], // ے
  [0x200b, 0x200d], // zero-width space, non-joiner, joiner
  [0x2010, 0x2014], // dashes
  [0x2018, 0x201d], // quotes
  [0x2022, 0x2022], // •
  [0x2026, 0x2026], // …
];

export const COMMON_CODE_POINTS: readonly number[] = ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));

const built = new Map<ShapingFace, CommonGlyphs>();

/** Whether this face's common glyphs are made already (warm-up.ts makes them ahead of the first document). */
export const commonGlyphsMade = (face: ShapingFace): boolean => built.has(face);

export function commonGlyphs(face: ShapingFace): CommonGlyphs {
  let common = built.get(face);
  if (!common) {
    const glyphs = outlinedClosure(face.bytes, COMMON_CODE_POINTS);
    // Glyphs without an outline (spaces, joiners) are in the closure too, but the subset shows no trace of them.
    for (const cp of COMMON_CODE_POINTS) {
      const glyph = face.covers(cp) ? face.hb.nominalGlyph(cp) : 0;
      if (glyph) glyphs.add(glyph);
    }
    glyphs.add(0);
    const program = subsetFont(face.bytes, glyphs);
    common = { glyphs, deflated: new Uint8Array(deflateSync(program)), length: program.length, tag: subsetTag([...glyphs]) };
    built.set(face, common);
  }
  return common;
}
