import bidiFactory from 'bidi-js';
import type { HarfBuzz } from './harfbuzz';
import type { ShapingFace } from './face';

const bidi = bidiFactory();

/** One glyph placed on a line, in its face's font units. */
export interface PlacedGlyph {
  face: ShapingFace;
  glyph: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  /**
   * The characters this glyph stands for, for the PDF's text mapping. A ligature stands for
   * several (لا, الله); in a right-to-left run they are stored in visual order, because text
   * extractors (poppler, pdf.js) read glyphs left to right and reverse right-to-left words.
   */
  text: string;
  rtl: boolean;
}

/** A line of text, shaped and in visual order (left to right), ready to draw at any size. */
export interface ShapedLine {
  glyphs: PlacedGlyph[];
  /** The line as it reads (logical order, bidi controls left out): what extractors must give back. */
  text: string;
  /** Its runs of one direction and face: glyphs[from, to) in visual order, `start` their place in the text. */
  runs: Array<{ start: number; from: number; to: number }>;
  /** Width at 1 pt. */
  unitWidth: number;
}

export interface LineFaces {
  arabic: ShapingFace;
  latin: ShapingFace;
}

/** Isolate a left-to-right value (an ID, a card number, a Latin name) inside right-to-left text. */
export const ltr = (value: string): string => `\u2066${value}\u2069`;
/** Isolate a right-to-left value inside left-to-right text. */
export const rtl = (value: string): string => `\u2067${value}\u2069`;

const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;
const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

interface Run {
  start: number;
  end: number; // exclusive, logical
  rtl: boolean;
  face: ShapingFace;
}

/**
 * Shapes one line of text the way a reader expects it: the Unicode bidi algorithm orders the
 * runs (base direction given), each run is set in the font that has its letters, and HarfBuzz
 * joins Arabic letters in their contextual forms, forms ligatures (لا, الله) and mirrors brackets.
 */
export function shapeLine(hb: HarfBuzz, text: string, faces: LineFaces, base: 'rtl' | 'ltr'): ShapedLine {
  const glyphs: PlacedGlyph[] = [];
  const runs: ShapedLine['runs'] = [];
  for (const run of visualRuns(text, faces, base)) {
    const piece = text.slice(run.start, run.end);
    runs.push({ start: run.start, from: glyphs.length, to: glyphs.length });
    glyphs.push(...shapedRun(hb, piece, run));
    runs.at(-1)!.to = glyphs.length;
  }
  const unitWidth = glyphs.reduce((w, g) => w + g.xAdvance / g.face.upem, 0);
  return { glyphs, unitWidth, text: [...text].filter((ch) => !BIDI_CONTROLS.test(ch)).join(''), runs };
}

/**
 * Runs shaped, by face, direction and text. A run is shaped on its own (its neighbours play no
 * part), so a label's run is the same on every card: only the names and numbers are shaped anew.
 */
const RUNS = new Map<string, readonly PlacedGlyph[]>();

function shapedRun(hb: HarfBuzz, piece: string, run: Run): readonly PlacedGlyph[] {
  const key = `${run.face.name}${run.rtl ? 'r' : 'l'}${piece}`;
  let glyphs = RUNS.get(key);
  if (glyphs) return glyphs;
  const buffer = new hb.Buffer();
  buffer.addText(piece);
  buffer.setDirection(run.rtl ? hb.Direction.RTL : hb.Direction.LTR);
  buffer.setClusterLevel(hb.ClusterLevel.MONOTONE_CHARACTERS);
  buffer.guessSegmentProperties();
  hb.shape(run.face.hb, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  const starts = [...new Set(infos.map((i) => i.cluster))].sort((a, b) => a - b);
  const given = new Set<number>();
  glyphs = infos.map((info, k) => {
    const p = positions[k]!;
    const at = starts.indexOf(info.cluster);
    const own = !given.has(info.cluster);
    given.add(info.cluster);
    return {
      face: run.face,
      glyph: info.codepoint,
      xAdvance: p.xAdvance,
      xOffset: p.xOffset,
      yOffset: p.yOffset,
      text: own ? visual(piece.slice(info.cluster, starts[at + 1] ?? piece.length), run.rtl) : '',
      rtl: run.rtl,
    };
  });
  if (RUNS.size >= 20_000) RUNS.delete(RUNS.keys().next().value!);
  RUNS.set(key, glyphs);
  return glyphs;
}

const visual = (text: string, isRtl: boolean) => (isRtl ? [...text].reverse().join('') : text);

/** The line's runs in visual order, left to right; bidi control characters are dropped. */
function visualRuns(text: string, faces: LineFaces, base: 'rtl' | 'ltr'): Run[] {
  const levels = bidi.getEmbeddingLevels(text, base);
  const order = Array.from({ length: text.length }, (_, i) => i);
  for (const segment of bidi.getReorderSegments(text, levels)) {
    const [from, to] = segment as [number, number];
    const flipped = order.slice(from, to + 1).reverse();
    order.splice(from, flipped.length, ...flipped);
  }
  const runs: Run[] = [];
  let current: Run | undefined;
  let last = -2;
  for (const i of order) {
    const ch = text[i]!;
    if (BIDI_CONTROLS.test(ch)) continue;
    const isRtl = (levels.levels[i]! & 1) === 1;
    const face = faceFor(ch, isRtl, faces);
    const step = isRtl ? -1 : 1;
    if (current && current.rtl === isRtl && current.face === face && i === last + step) {
      if (isRtl) current.start = i;
      else current.end = i + 1;
    } else {
      current = { start: i, end: i + 1, rtl: isRtl, face };
      runs.push(current);
    }
    last = i;
  }
  return runs;
}

/** Arabic letters in the Arabic face; spaces and punctuation inside Arabic too, if it has them; the rest in Latin. */
function faceFor(ch: string, isRtl: boolean, faces: LineFaces): ShapingFace {
  const cp = ch.codePointAt(0)!;
  if (ARABIC_SCRIPT.test(ch)) return faces.arabic;
  if (isRtl && faces.arabic.covers(cp) && !/[A-Za-z0-9]/.test(ch)) return faces.arabic;
  return faces.latin.covers(cp) ? faces.latin : faces.arabic;
}
