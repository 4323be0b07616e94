import { rgb, type Color, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import { shapingFace, type ShapingFace } from './face';
import { harfBuzz, type HarfBuzz } from './harfbuzz';
import { EmbeddedFont } from './pdf-font';
import { shapeLine, type LineFaces, type ShapedLine } from './shape-line';
import { extractionText, extractionWeight } from './extraction-order';
import { lineOperators, ruleOperators, type DrawnLine } from './line-operators';
import { isLastContent, reserveContent } from '../page-contents';

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

const BLACK = rgb(0, 0, 0);

/** Shaped lines by style and text, shared by every document (the fonts are the same). */
const SHAPES = new Map<string, ShapedLine>();

/**
 * Sets shaped, bidi-ordered text on the pages of one PDF document. One per document: the fonts
 * are embedded once, however many pages and cards there are; call finish() before saving.
 */
export class Typesetter {
  private readonly embedded = new Map<ShapingFace, EmbeddedFont>();
  /**
   * The lines drawn on each page, waiting for finish(): how they read back depends on the whole page (extraction-order.ts).
   * A string among them is a path's operators (`rule`), written as it is.
   */
  private readonly pending = new Map<PDFPage, Array<{ ref: PDFRef; lines: Array<DrawnLine | string> }>>();

  private constructor(
    private readonly doc: PDFDocument,
    private readonly hb: HarfBuzz,
    private readonly regular: LineFaces,
    private readonly bold: LineFaces,
  ) {}

  /** The only wait: HarfBuzz and the faces, loaded once per process. The rest is synchronous: an export's 16,000 cells each awaited a promise. */
  static async for(doc: PDFDocument): Promise<Typesetter> {
    const [hb, arabic, latin, arabicBold, latinBold] = await Promise.all([
      harfBuzz(),
      shapingFace('arabic'),
      shapingFace('latin'),
      shapingFace('arabicBold'),
      shapingFace('latinBold'),
    ]);
    return new Typesetter(doc, hb, { arabic, latin }, { arabic: arabicBold, latin: latinBold });
  }

  /** Shapes a line (measure it with unitWidth). Lines repeat from card to card, so shapes are kept. */
  shape(text: string, style: Pick<TextStyle, 'bold' | 'direction'> = {}): ShapedLine {
    const direction = style.direction ?? directionOf(text);
    const key = `${style.bold ? 'b' : 'r'}${direction}${text}`;
    let line = SHAPES.get(key);
    if (!line) {
      line = shapeLine(this.hb, text.normalize('NFC'), style.bold ? this.bold : this.regular, direction);
      if (SHAPES.size >= 20_000) SHAPES.delete(SHAPES.keys().next().value!);
      SHAPES.set(key, line);
    }
    return line;
  }

  /** Draws one line and returns the size it was set at (smaller than asked when it had to shrink). */
  draw(page: PDFPage, text: string, opts: PlaceOptions): number {
    let line = this.shape(text, opts);
    let size = opts.size;
    if (opts.maxWidth !== undefined && line.unitWidth * size > opts.maxWidth) {
      size = Math.max(opts.minSize ?? opts.size * 0.6, opts.maxWidth / line.unitWidth);
      if (line.unitWidth * size > opts.maxWidth) line = this.truncated(text, opts, size);
    }
    const width = line.unitWidth * size;
    const align = opts.align ?? 'left';
    const left = align === 'left' ? opts.x : align === 'right' ? opts.x - width : opts.x - width / 2;
    this.drawLine(page, line, left, opts.y, size, opts.color ?? BLACK);
    return size;
  }

  /**
   * Draws a name or title whole, never cut: one line at `size` if it fits, else wrapped at words
   * into at most `maxLines` lines at the largest size down to `minSize` (wrapping first keeps
   * the name readable; shrinking only a little). A name too long even for that gets more lines
   * at `minSize` rather than an ellipsis. Returns how far down it went (line advance × lines).
   */
  fit(page: PDFPage, text: string, opts: PlaceOptions & { maxWidth: number; minSize: number; maxLines: number; lineGap?: number }): number {
    const style = { ...opts, direction: opts.direction ?? directionOf(text) };
    const gap = opts.lineGap ?? 1.25;
    const single = this.shape(text, style).unitWidth;
    if (single * opts.size <= opts.maxWidth) return gap * this.draw(page, text, style);
    const drawLines = (lines: string[], size: number): number => {
      for (const [i, l] of lines.entries()) this.draw(page, l, { ...style, size, y: opts.y - i * size * gap });
      return lines.length * size * gap;
    };
    for (let size = opts.size; size >= opts.minSize; size -= 0.25) {
      const lines = this.wrap(text, opts.maxWidth / size, style);
      const widest = Math.max(...lines.map((l) => this.shape(l, style).unitWidth));
      if (lines.length <= Math.max(1, opts.maxLines) && widest * size <= opts.maxWidth) return drawLines(lines, size);
    }
    // Longer than the lines allow even at the floor: more lines, never an ellipsis.
    return drawLines(this.wrap(text, opts.maxWidth / opts.minSize, style), opts.minSize);
  }

  /**
   * Draws a paragraph wrapped at word boundaries to `width` (each line shaped on its own, so
   * Arabic and English wrap alike) and returns the baseline below its last line.
   */
  paragraph(page: PDFPage, text: string, opts: Omit<PlaceOptions, 'maxWidth' | 'minSize'> & { width: number; lineHeight?: number }): number {
    const style = { ...opts, direction: opts.direction ?? directionOf(text) };
    const lineHeight = opts.lineHeight ?? opts.size * 1.6;
    let y = opts.y;
    for (const block of text.split('\n')) {
      const lines = this.wrap(block, opts.width / opts.size, style);
      for (const [i, line] of lines.entries()) this.draw(page, line, { ...style, y: y - i * lineHeight, maxWidth: opts.width });
      y -= lineHeight * Math.max(1, lines.length);
    }
    return y;
  }

  /** Breaks text into lines at spaces, greedily, each no wider than `unitWidth` at 1 pt (a word longer than that stands alone). */
  wrap(text: string, unitWidth: number, style: Pick<TextStyle, 'bold' | 'direction'> = {}): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && this.shape(candidate, style).unitWidth > unitWidth) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
    return lines;
  }

  /**
   * A horizontal rule, in the page's order with the text: a table's rule between each two rows drawn
   * by pdf-lib cut the text into a content stream per row (4,000 streams for a 2,000-row export).
   */
  rule(page: PDFPage, from: { x: number; y: number }, toX: number, thickness: number, color: Color): void {
    this.queue(page, ruleOperators(from, toX, thickness, color));
  }

  /** Writes the fonts' widths and text maps. */
  finish(): void {
    for (const [page, groups] of this.pending) {
      const lines = groups.flatMap((g) => g.lines.filter((l) => typeof l !== 'string'));
      const leftToRight = pageReadsLeftToRight(lines.map((l) => l.line.text));
      for (const group of groups) {
        const ops = group.lines.map((l) =>
          typeof l === 'string' ? l : lineOperators((face) => this.fontFor(face), page, l, extractionText(l.line.text, leftToRight)),
        );
        const content = new TextEncoder().encode(ops.join('\n'));
        // Plain: savePdfA joins a page's streams into one and compresses that (page-contents.ts).
        this.doc.context.assign(group.ref, this.doc.context.stream(content));
      }
    }
    this.pending.clear();
    for (const font of this.embedded.values()) font.finish();
  }

  /** Cuts the logical end of the text (words first, then letters) until it fits, with an ellipsis. */
  private truncated(text: string, opts: PlaceOptions, size: number): ShapedLine {
    const chars = [...text];
    for (let n = chars.length - 1; n > 0; n--) {
      const line = this.shape(`${chars.slice(0, n).join('').trimEnd()}…`, { ...opts, direction: opts.direction ?? directionOf(text) });
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

  /**
   * Queues a line on the page, in its place among the page's drawings: its operators go into a
   * content stream of their own, added to the page now and written by finish().
   */
  private drawLine(page: PDFPage, line: ShapedLine, x: number, y: number, size: number, color: Color): void {
    this.queue(page, { line, x, y, size, color });
  }

  private queue(page: PDFPage, drawn: DrawnLine | string): void {
    const groups = this.pending.get(page) ?? [];
    this.pending.set(page, groups);
    let group = groups.at(-1);
    // Lines drawn one after another, with nothing drawn between them, share a stream.
    if (!group || !isLastContent(page, group.ref)) {
      group = { ref: reserveContent(page), lines: [] };
      groups.push(group);
    }
    group.lines.push(drawn);
  }
}

/**
 * Whether poppler will read the page left to right: at least as many left-to-right letters as
 * right-to-left ones in what it reads, the direction marks of the spellings included. The answer
 * must hold for the spellings it chooses, so each side is checked with its own.
 */
function pageReadsLeftToRight(texts: string[]): boolean {
  const weight = (leftToRight: boolean) => texts.reduce((w, t) => w + extractionWeight(t, leftToRight), 0);
  if (weight(true) >= 0) return true;
  return !(weight(false) < 0);
}

/** The paragraph direction of a text: that of its first strong letter (Arabic → right to left). */
export function directionOf(text: string): 'rtl' | 'ltr' {
  for (const ch of text) {
    if (/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(ch)) return 'rtl';
    if (/\p{L}/u.test(ch)) return 'ltr';
  }
  return 'ltr';
}
