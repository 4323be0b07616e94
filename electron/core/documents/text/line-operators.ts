/**
 * The PDF operators that draw one shaped line (typesetter.ts queues the lines, then writes these):
 * glyph codes run by run, with the line's reading order kept for text extraction.
 */
import {
  PDFArray,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  setTextRise,
  TextRenderingMode,
  type Color,
  type PDFContext,
  type PDFPage,
} from 'pdf-lib';
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

/**
 * One line's operators. The whole line is one marked-content span whose ActualText is the
 * line as it reads, spelled for poppler (extraction-order.ts). Inside it the glyphs are drawn
 * run by run in reading order, each run left to right, and each glyph's own text (ToUnicode) is
 * what it stands for: extractors that read the glyphs themselves (pdf.js) take each run in
 * turn, reverse the right-to-left ones, and read the line in order too. When the reading order
 * of the runs is not left to right, zero-width glyphs mark the line's two ends, as poppler
 * measures a span from its first glyph to its last.
 */
export function lineOperators(
  context: PDFContext,
  fontFor: (face: ShapingFace) => EmbeddedFont,
  page: PDFPage,
  d: DrawnLine,
  actualText: string,
): PDFOperator[] {
  const { line, size } = d;
  const ops: PDFOperator[] = [pushGraphicsState(), beginText(), setFillingColor(d.color)];
  // `/Span <</ActualText …>> BDC`: pdf-lib's operator type lists no dictionary operand, but writes one as is.
  const span = context.obj({ ActualText: PDFHexString.fromText(actualText) }) as unknown as PDFArray;
  ops.push(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Span'), span]));
  const xs: number[] = [];
  let pen = 0;
  for (const g of line.glyphs) {
    xs.push(pen);
    pen += (g.xAdvance / g.face.upem) * size;
  }
  const order = [...line.runs].sort((a, b) => a.start - b.start);
  const reordered = order.some((r, k) => r !== line.runs[k]);
  let font: PDFName | undefined;
  let rise = 0;
  /** The glyph's code, in the font variant where it reads as `text`; `beforeSwitch` runs first when the font changes. */
  const select = (face: ShapingFace, glyph: number, text: string, beforeSwitch = () => {}): PDFHexString => {
    const embedded = fontFor(face);
    const { variant, code } = embedded.use(glyph, text);
    const key = embedded.keyOn(page, variant);
    if (font !== key) {
      beforeSwitch();
      ops.push(setFontAndSize(key, size));
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
    ops.push(setTextMatrix(1, 0, 0, 1, round(d.x + at), d.y), setTextRenderingMode(TextRenderingMode.Invisible));
    ops.push(PDFOperator.of(PDFOperatorNames.ShowText, [code]), setTextRenderingMode(TextRenderingMode.Fill));
  };
  if (reordered && line.glyphs.length) edge(0);
  for (const run of order) {
    if (run.from === run.to) continue;
    ops.push(setTextMatrix(1, 0, 0, 1, round(d.x + xs[run.from]!), d.y));
    let at = xs[run.from]!; // where the PDF's text position is now
    let pending: (PDFNumber | PDFHexString)[] = [];
    const flush = () => {
      if (!pending.length) return;
      const array = PDFArray.withContext(context);
      for (const item of pending) array.push(item);
      ops.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [array]));
      pending = [];
    };
    for (let k = run.from; k < run.to; k++) {
      const g = line.glyphs[k]!;
      const scale = size / g.face.upem;
      const gx = xs[k]! + g.xOffset * scale;
      const gRise = g.yOffset * scale;
      const code = select(g.face, g.glyph, g.text, flush);
      if (gRise !== rise) {
        flush();
        ops.push(setTextRise(round(gRise)));
        rise = gRise;
      }
      const move = gx - at;
      if (Math.abs(move) > 0.001) pending.push(PDFNumber.of(round((-move * 1000) / size)));
      pending.push(code);
      at = gx + g.face.advance(g.glyph) * scale;
    }
    flush();
  }
  if (rise !== 0) ops.push(setTextRise(0));
  if (reordered && line.glyphs.length) edge(line.unitWidth * size);
  ops.push(PDFOperator.of(PDFOperatorNames.EndMarkedContent), endText(), popGraphicsState());
  return ops;
}
