/**
 * The PDF operators that draw one shaped line (typesetter.ts queues the lines, then writes these):
 * glyph codes run by run, with the line's reading order kept for text extraction. Written as text
 * directly, as pdf-lib would write its operator objects (same numbers, same spacing): a card has
 * some fifty lines, and an object per operand was a tenth of its time.
 */
import { PDFHexString, numberToString, setFillingColor, setStrokingColor, type Color, type PDFPage } from 'pdf-lib';
import type { ShapingFace } from './face';
import type { EmbeddedFont } from './pdf-font';
import type { ShapedLine } from './shape-line';

/** A line queued on a page: where and how it is drawn. */
export interface DrawnLine {
  line: ShapedLine;
  x: number;
  y: number;
  size: number;
  color: Color;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** A colour's fill and stroke operators, written once per colour (the same few colours draw every line and rule). */
const COLOURS = new WeakMap<Color, { fill: string; stroke: string }>();
function colourOperators(color: Color): { fill: string; stroke: string } {
  let ops = COLOURS.get(color);
  if (ops === undefined) {
    ops = { fill: setFillingColor(color).toString(), stroke: setStrokingColor(color).toString() };
    COLOURS.set(color, ops);
  }
  return ops;
}

/** A solid horizontal rule's operators (what pdf-lib's drawLine draws), in the text's own content stream. */
export function ruleOperators(from: { x: number; y: number }, toX: number, thickness: number, color: Color): string {
  const y = pdfNumber(round(from.y));
  return `q\n${colourOperators(color).stroke}\n${pdfNumber(thickness)} w\n${pdfNumber(round(from.x))} ${y} m\n${pdfNumber(round(toX))} ${y} l\nS\nQ`;
}

/** A number as pdf-lib writes it (never in exponent notation). */
export function pdfNumber(v: number): string {
  const text = String(v);
  return text.includes('e') ? numberToString(v) : text;
}

/**
 * One line's operators, each on a line of its own. The whole line is one marked-content span whose ActualText is the
 * line as it reads, spelled for poppler (extraction-order.ts). Inside it the glyphs are drawn
 * run by run in reading order, each run left to right, and each glyph's own text (ToUnicode) is
 * what it stands for: extractors that read the glyphs themselves (pdf.js) take each run in
 * turn, reverse the right-to-left ones, and read the line in order too. When the reading order
 * of the runs is not left to right, zero-width glyphs mark the line's two ends, as poppler
 * measures a span from its first glyph to its last.
 */
export function lineOperators(fontFor: (face: ShapingFace) => EmbeddedFont, page: PDFPage, d: DrawnLine, actualText: string): string {
  const { line, size } = d;
  const sizeText = pdfNumber(size);
  const y = pdfNumber(d.y);
  // `/Span <</ActualText …>> BDC`, the dictionary written as pdf-lib writes one.
  const ops: string[] = ['q', 'BT', colourOperators(d.color).fill, `/Span <<\n/ActualText ${PDFHexString.fromText(actualText).toString()}\n>> BDC`];
  const xs: number[] = [];
  let pen = 0;
  for (const g of line.glyphs) {
    xs.push(pen);
    pen += (g.xAdvance / g.face.upem) * size;
  }
  const order = [...line.runs].sort((a, b) => a.start - b.start);
  const reordered = order.some((r, k) => r !== line.runs[k]);
  let font: string | undefined;
  let rise = 0;
  const textMatrix = (x: number) => `1 0 0 1 ${pdfNumber(round(x))} ${y} Tm`;
  /** The glyph's code, in the font variant where it reads as `text`; `beforeSwitch` runs first when the font changes. */
  const select = (face: ShapingFace, glyph: number, text: string, beforeSwitch = () => {}): string => {
    const embedded = fontFor(face);
    const { variant, code } = embedded.use(glyph, text);
    const key = embedded.keyTextOn(page, variant);
    if (font !== key) {
      beforeSwitch();
      ops.push(`${key} ${sizeText} Tf`);
      font = key;
    }
    return code;
  };
  const edge = (at: number) => {
    // A zero-width joiner: pdf.js skips it (a format character), poppler measures the span from the first to the last.
    const face = line.glyphs[0]!.face;
    const joiner = face.hb.nominalGlyph(0x200d);
    if (!joiner || face.advance(joiner) !== 0) return;
    const code = select(face, joiner, '\u200d');
    // Drawn invisible (mode 3): the font's joiner glyph has a shape.
    ops.push(textMatrix(d.x + at), '3 Tr', `${code} Tj`, '0 Tr');
  };
  if (reordered && line.glyphs.length) edge(0);
  for (const run of order) {
    if (run.from === run.to) continue;
    ops.push(textMatrix(d.x + xs[run.from]!));
    let at = xs[run.from]!; // where the PDF's text position is now
    let pending = '';
    const flush = () => {
      if (!pending) return;
      ops.push(`[ ${pending}] TJ`);
      pending = '';
    };
    for (let k = run.from; k < run.to; k++) {
      const g = line.glyphs[k]!;
      const scale = size / g.face.upem;
      const gx = xs[k]! + g.xOffset * scale;
      const gRise = g.yOffset * scale;
      const code = select(g.face, g.glyph, g.text, flush);
      if (gRise !== rise) {
        flush();
        ops.push(`${pdfNumber(round(gRise))} Ts`);
        rise = gRise;
      }
      const move = gx - at;
      if (Math.abs(move) > 0.001) pending += `${pdfNumber(round((-move * 1000) / size))} `;
      pending += `${code} `;
      at = gx + g.face.advance(g.glyph) * scale;
    }
    flush();
  }
  if (rise !== 0) ops.push('0 Ts');
  if (reordered && line.glyphs.length) edge(line.unitWidth * size);
  ops.push('EMC', 'ET', 'Q');
  return ops.join('\n');
}
