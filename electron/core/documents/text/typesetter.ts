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
  rgb,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  setTextRise,
  TextRenderingMode,
  type Color,
  type PDFDocument,
  type PDFPage,
} from 'pdf-lib';
import { shapingFace, type ShapingFace } from './face';
import { EmbeddedFont } from './pdf-font';
import { shapeLine, type LineFaces, type ShapedLine } from './shape-line';

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: Color;
  /** Paragraph direction: Arabic text is right to left. Default: from the first strong letter. */
  direction?: 'rtl' | 'ltr';
}

export interface PlaceOptions extends TextStyle {
  /** x of the left edge (align left), the right edge (align right) or the centre. */
  x: number;
  /** Baseline. */
  y: number;
  align?: 'left' | 'right' | 'center';
  /** The text shrinks (never below minSize) to fit; if it still does not fit it is cut with an ellipsis. */
  maxWidth?: number;
  minSize?: number;
}

/** Shaped lines by style and text, shared by every document (the fonts are the same). */
const SHAPES = new Map<string, ShapedLine>();

/**
 * Sets shaped, bidi-ordered text on the pages of one PDF document. One per document: the fonts
 * are embedded once, however many pages and cards there are; call finish() before saving.
 */
export class Typesetter {
  private readonly embedded = new Map<ShapingFace, EmbeddedFont>();

  private constructor(
    private readonly doc: PDFDocument,
    private readonly regular: LineFaces,
    private readonly bold: LineFaces,
  ) {}

  static async for(doc: PDFDocument): Promise<Typesetter> {
    const [arabic, latin, arabicBold, latinBold] = await Promise.all([
      shapingFace('arabic'),
      shapingFace('latin'),
      shapingFace('arabicBold'),
      shapingFace('latinBold'),
    ]);
    return new Typesetter(doc, { arabic, latin }, { arabic: arabicBold, latin: latinBold });
  }

  /** Shapes a line (measure it with unitWidth). Lines repeat from card to card, so shapes are kept. */
  async shape(text: string, style: Pick<TextStyle, 'bold' | 'direction'> = {}): Promise<ShapedLine> {
    const direction = style.direction ?? directionOf(text);
    const key = `${style.bold ? 'b' : 'r'}${direction}${text}`;
    let line = SHAPES.get(key);
    if (!line) {
      line = await shapeLine(text.normalize('NFC'), style.bold ? this.bold : this.regular, direction);
      if (SHAPES.size >= 20_000) SHAPES.delete(SHAPES.keys().next().value!);
      SHAPES.set(key, line);
    }
    return line;
  }

  /** Draws one line and returns the size it was set at (smaller than asked when it had to shrink). */
  async draw(page: PDFPage, text: string, opts: PlaceOptions): Promise<number> {
    let line = await this.shape(text, opts);
    let size = opts.size;
    if (opts.maxWidth !== undefined && line.unitWidth * size > opts.maxWidth) {
      size = Math.max(opts.minSize ?? opts.size * 0.6, opts.maxWidth / line.unitWidth);
      if (line.unitWidth * size > opts.maxWidth) line = await this.truncated(text, opts, size);
    }
    const width = line.unitWidth * size;
    const align = opts.align ?? 'left';
    const left = align === 'left' ? opts.x : align === 'right' ? opts.x - width : opts.x - width / 2;
    this.drawLine(page, line, left, opts.y, size, opts.color ?? rgb(0, 0, 0));
    return size;
  }

  /**
   * Draws a name or title in at most `maxLines` lines: one line at the largest size down to
   * `minSize` that fits, else wrapped at words at the largest size that fits in the lines.
   * Returns how far down it went (the line advance times the lines used).
   */
  async fit(
    page: PDFPage,
    text: string,
    opts: PlaceOptions & { maxWidth: number; minSize: number; maxLines: number; lineGap?: number },
  ): Promise<number> {
    const style = { ...opts, direction: opts.direction ?? directionOf(text) };
    const gap = opts.lineGap ?? 1.25;
    const single = (await this.shape(text, style)).unitWidth;
    if (single * opts.minSize <= opts.maxWidth || opts.maxLines < 2) return gap * (await this.draw(page, text, style));
    for (let size = opts.size; size >= opts.minSize * 0.8; size -= 0.25) {
      const lines = await this.wrap(text, opts.maxWidth / size, style);
      const widest = Math.max(...(await Promise.all(lines.map(async (l) => (await this.shape(l, style)).unitWidth))));
      if (lines.length <= opts.maxLines && widest * size <= opts.maxWidth) {
        for (const [i, l] of lines.entries()) await this.draw(page, l, { ...style, size, y: opts.y - i * size * gap });
        return lines.length * size * gap;
      }
    }
    return gap * (await this.draw(page, text, { ...style, size: opts.minSize }));
  }

  /**
   * Draws a paragraph wrapped at word boundaries to `width` (each line shaped on its own, so
   * Arabic and English wrap alike) and returns the baseline below its last line.
   */
  async paragraph(
    page: PDFPage,
    text: string,
    opts: Omit<PlaceOptions, 'maxWidth' | 'minSize'> & { width: number; lineHeight?: number },
  ): Promise<number> {
    const style = { ...opts, direction: opts.direction ?? directionOf(text) };
    const lineHeight = opts.lineHeight ?? opts.size * 1.6;
    let y = opts.y;
    for (const block of text.split('\n')) {
      const lines = await this.wrap(block, opts.width / opts.size, style);
      for (const [i, line] of lines.entries()) await this.draw(page, line, { ...style, y: y - i * lineHeight, maxWidth: opts.width });
      y -= lineHeight * Math.max(1, lines.length);
    }
    return y;
  }

  /** Breaks text into lines at spaces, greedily, each no wider than `unitWidth` at 1 pt (a word longer than that stands alone). */
  async wrap(text: string, unitWidth: number, style: Pick<TextStyle, 'bold' | 'direction'> = {}): Promise<string[]> {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && (await this.shape(candidate, style)).unitWidth > unitWidth) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
    return lines;
  }

  /** Writes the fonts' widths and text maps. */
  finish(): void {
    for (const font of this.embedded.values()) font.finish();
  }

  /** Cuts the logical end of the text (words first, then letters) until it fits, with an ellipsis. */
  private async truncated(text: string, opts: PlaceOptions, size: number): Promise<ShapedLine> {
    const chars = [...text];
    for (let n = chars.length - 1; n > 0; n--) {
      const line = await this.shape(`${chars.slice(0, n).join('').trimEnd()}…`, { ...opts, direction: opts.direction ?? directionOf(text) });
      if (line.unitWidth * size <= opts.maxWidth!) return line;
    }
    return this.shape('…', opts);
  }

  private fontFor(face: ShapingFace): EmbeddedFont {
    let font = this.embedded.get(face);
    if (!font) {
      font = new EmbeddedFont(this.doc, face);
      this.embedded.set(face, font);
    }
    return font;
  }

  private drawLine(page: PDFPage, line: ShapedLine, x: number, y: number, size: number, color: Color): void {
    const context = this.doc.context;
    const ops: PDFOperator[] = [pushGraphicsState(), beginText(), setFillingColor(color), setTextMatrix(1, 0, 0, 1, x, y)];
    let current: EmbeddedFont | undefined;
    let rise = 0;
    let pen = 0; // where the PDF's text position is now, in points from x
    let pending: (PDFNumber | PDFHexString)[] = [];
    const flush = () => {
      if (!pending.length) return;
      const array = PDFArray.withContext(context);
      for (const item of pending) array.push(item);
      ops.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [array]));
      pending = [];
    };
    for (const g of drawingOrder(line, size)) {
      if (g.actualText !== undefined) {
        flush();
        // `/Span <</ActualText …>> BDC`: pdf-lib's operator type lists no dictionary operand, but writes one as is.
        const span = context.obj({ ActualText: PDFHexString.fromText(g.actualText) }) as unknown as PDFArray;
        ops.push(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Span'), span]));
      }
      const font = this.fontFor(g.face);
      if (font !== current) {
        flush();
        ops.push(setFontAndSize(font.keyOn(page), size));
        current = font;
      }
      if (g.rise !== rise) {
        flush();
        ops.push(setTextRise(g.rise));
        rise = g.rise;
      }
      const move = g.x - pen;
      if (Math.abs(move) > 0.001) pending.push(PDFNumber.of(round((-move * 1000) / size)));
      if (g.invisible) {
        flush();
        ops.push(setTextRenderingMode(TextRenderingMode.Invisible));
      }
      pending.push(font.use(g.glyph, g.text));
      if (g.invisible) {
        flush();
        ops.push(setTextRenderingMode(TextRenderingMode.Fill));
      }
      pen = g.x + (g.face.advance(g.glyph) / g.face.upem) * size;
      if (g.endsSpan) {
        flush();
        ops.push(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
      }
    }
    flush();
    ops.push(endText(), popGraphicsState());
    page.pushOperators(...ops);
  }
}

interface Positioned {
  face: ShapingFace;
  glyph: number;
  text: string;
  x: number;
  rise: number;
  rtl: boolean;
  /** Opens a span whose text replaces the glyphs' own for extraction (a letter with its marks). */
  actualText?: string;
  endsSpan?: boolean;
  /** Drawn for extractors only (text rendering mode 3). */
  invisible?: boolean;
}

/**
 * Each glyph's place on the line, in the order it is drawn. A right-to-left run comes out of
 * HarfBuzz in visual order, which puts an Arabic mark (a fatha, a shadda) before the letter it
 * sits on, and extractors would attach it to the wrong letter or line; so a letter is drawn
 * first, then its marks, all inside one span whose ActualText is the letter with its marks (in
 * visual order, as extractors reverse right-to-left words). Positions are absolute, so the
 * order of drawing changes nothing on the page.
 *
 * A neutral that an extractor would put on the wrong side of text of the other direction is
 * drawn with a direction mark in its ActualText (see directionMarks).
 */
function drawingOrder(line: ShapedLine, size: number): Positioned[] {
  const placed: Positioned[] = [];
  let pen = 0;
  for (const g of line.glyphs) {
    const scale = size / g.face.upem;
    placed.push({ face: g.face, glyph: g.glyph, text: g.text, rtl: g.rtl, x: pen + g.xOffset * scale, rise: g.yOffset * scale });
    pen += g.xAdvance * scale;
  }
  const directions = directionMarks(placed);
  const out: Positioned[] = [];
  let marks: Positioned[] = [];
  for (const [i, p] of placed.entries()) {
    const mirrored = p.rtl && MIRRORED.test(p.text);
    if (directions.has(i) || mirrored) {
      // A bracket set right to left is drawn with its mirror glyph: "(" as the glyph of ")". Its text
      // goes in the span only, so the font's one text per glyph stays the glyph's own for left-to-right use.
      out.push({ ...p, text: mirrored ? '' : p.text, actualText: `${p.text}${directions.get(i) ?? ''}`, endsSpan: true });
      continue;
    }
    if (p.rtl && isMark(p.text)) {
      marks.push(p);
      continue;
    }
    if (marks.length) {
      const letterFirst =
        [...marks]
          .reverse()
          .map((m) => m.text)
          .join('') + p.text;
      // The span ends with an invisible zero-width glyph at the letter's far edge: extractors
      // measure a span from its first glyph's origin to its last glyph's end.
      const joiner = p.face.hb.nominalGlyph(0x200d) ?? marks[marks.length - 1]!.glyph;
      const end = {
        ...p,
        glyph: joiner,
        text: '',
        rise: 0,
        x: p.x + (p.face.advance(p.glyph) / p.face.upem) * size,
        endsSpan: true,
        invisible: true,
      };
      out.push({ ...p, actualText: letterFirst }, ...marks, end);
    } else out.push(p);
    marks = [];
  }
  return [...out, ...marks];
}

const isMark = (text: string) => /^\p{M}+$/u.test(text);
/** Characters HarfBuzz draws with their mirror image in right-to-left text. */
const MIRRORED = /^[()[\]{}<>«»‹›]$/;

/** How poppler sorts a glyph's text into runs: left-to-right (Latin letters, digits), right-to-left, or neither. */
function extractionType(text: string): 'L' | 'R' | 'N' {
  if (/[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(text) && /\p{L}/u.test(text)) return 'R';
  return /[\p{L}\p{N}]/u.test(text) ? 'L' : 'N';
}

/**
 * The neutrals (by index in visual order) an extractor would put on the wrong side, each with the
 * mark that keeps it where the bidi algorithm set it: a right-to-left mark for one set right to
 * left, a left-to-right mark for one set left to right. Poppler sorts text into runs by each
 * character's own type, so a neutral beside text of the other direction (across other neutrals
 * only) joins that text: "في 2026-11-25 (البطاقة" came back as "في ( 2026-11-25البطاقة", and
 * "بواسطة Ali (x)" as "بواسطة )Ali (x". Right-to-left punctuation and the spaces beside it are
 * marked too (poppler reads "سنة، أقل" as "سنة ،أقل"). Not every space: many marks would tip
 * poppler's guess of the page's main direction. A mark on a letter, and a glyph with no text of
 * its own (the rest of a ligature), are passed over.
 */
function directionMarks(placed: Positioned[]): Map<number, string> {
  const types = placed.map((p) => (p.text === '' || isMark(p.text) ? null : extractionType(p.text)));
  const reaches = (from: number, step: 1 | -1, type: 'L' | 'R') => {
    for (let k = from + step; k >= 0 && k < types.length; k += step) {
      if (types[k] === null || types[k] === 'N') continue;
      return types[k] === type;
    }
    return false;
  };
  const punctuation = (k: number) => placed[k]?.rtl === true && types[k] === 'N' && !/^\s+$/u.test(placed[k]!.text);
  const marks = new Map<number, string>();
  for (const [i, p] of placed.entries()) {
    if (types[i] !== 'N') continue;
    const other = p.rtl ? 'L' : 'R';
    const misplaced = reaches(i, -1, other) || reaches(i, 1, other) || (p.rtl && (punctuation(i) || punctuation(i - 1) || punctuation(i + 1)));
    if (misplaced) marks.set(i, p.rtl ? '\u200f' : '\u200e');
  }
  return marks;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** The paragraph direction of a text: that of its first strong letter (Arabic → right to left). */
export function directionOf(text: string): 'rtl' | 'ltr' {
  for (const ch of text) {
    if (/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(ch)) return 'rtl';
    if (/\p{L}/u.test(ch)) return 'ltr';
  }
  return 'ltr';
}
