import type { PDFDocument } from 'pdf-lib';
import { rgb, type PDFPage } from 'pdf-lib';
import { Typesetter } from './text/typesetter';
import { isolateFigures } from './text/figures';

export const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 42;
const FOOTER = 34;
const INK = rgb(0.1, 0.12, 0.14);
const MUTED = rgb(0.36, 0.39, 0.43);
const TEAL = rgb(0.031, 0.408, 0.357);
const RULE = rgb(0.82, 0.84, 0.86);
/** A heading's height: the space above it, the line, its rule and the space below. */
const HEADING_HEIGHT = 30;

export interface Column {
  title: string;
  /** Share of the table's width. */
  width: number;
  /** Identifiers and numbers are set left to right whatever the report's language. */
  ltr?: boolean;
}

/**
 * Flowing A4 pages for reports: headings, label/value rows and tables that break across pages,
 * laid out right to left for an Arabic report and left to right for an English one. Every page
 * gets the same footer once the page count is known.
 */
export class ReportWriter {
  private page!: PDFPage;
  private y = 0;
  /** A heading waiting to be set with the block after it. */
  private pendingHeading: string | null = null;
  readonly pages: PDFPage[] = [];

  private constructor(
    readonly doc: PDFDocument,
    readonly ts: Typesetter,
    readonly lang: 'ar' | 'en',
  ) {
    this.newPage();
  }

  static async create(doc: PDFDocument, lang: 'ar' | 'en', landscape = false): Promise<ReportWriter> {
    const w = new ReportWriter(doc, await Typesetter.for(doc), lang);
    if (landscape) {
      for (const p of w.pages) p.setSize(A4.height, A4.width);
      w.y = w.top();
    }
    return w;
  }

  get width(): number {
    return this.page.getWidth() - 2 * MARGIN;
  }
  private top = () => this.page.getHeight() - MARGIN;
  private get rtl() {
    return this.lang === 'ar';
  }
  /** Text as set in this report: in Arabic (the report's or a note's), dates and figures stay one left-to-right unit (text/figures.ts). */
  private bidi = (text: string) => (this.rtl || /[\u0600-\u06ff]/.test(text) ? isolateFigures(text) : text);
  /** The x of the text's starting edge and its alignment. */
  private start = () => (this.rtl ? { x: this.page.getWidth() - MARGIN, align: 'right' as const } : { x: MARGIN, align: 'left' as const });

  private newPage(): void {
    const size: [number, number] = this.pages[0] ? [this.pages[0].getWidth(), this.pages[0].getHeight()] : [A4.width, A4.height];
    this.page = this.doc.addPage(size);
    this.pages.push(this.page);
    this.y = this.top();
  }

  /** Room for `height` more points on this page, or a new page. */
  ensure(height: number): void {
    if (this.y - height < FOOTER + 10) this.newPage();
  }

  title(text: string, sub?: string): void {
    const s = this.start();
    this.page.drawRectangle({ x: 0, y: this.page.getHeight() - 8, width: this.page.getWidth(), height: 8, color: TEAL });
    this.y -= 8;
    this.ts.draw(this.page, text, { ...s, y: this.y, size: 16, bold: true, color: TEAL, maxWidth: this.width });
    this.y -= 18;
    if (sub) {
      this.ts.draw(this.page, sub, { ...s, y: this.y, size: 9.5, color: MUTED, maxWidth: this.width });
      this.y -= 16;
    }
  }

  /**
   * A section heading. It is set with the block that follows it (see `beginBlock`), so it never
   * stands alone at the foot of a page with its table or fields on the next.
   */
  heading(text: string): void {
    this.flushHeading();
    this.pendingHeading = text;
  }

  /**
   * Room for the coming block's first `height` points (and the heading waiting for it) on this
   * page, else a new page; then the waiting heading is drawn.
   */
  private beginBlock(height: number): void {
    this.ensure(height + (this.pendingHeading === null ? 0 : HEADING_HEIGHT));
    this.flushHeading();
  }

  private flushHeading(): void {
    const text = this.pendingHeading;
    if (text === null) return;
    this.pendingHeading = null;
    this.ensure(HEADING_HEIGHT);
    this.y -= 10;
    const s = this.start();
    this.ts.draw(this.page, text, { ...s, y: this.y, size: 11.5, bold: true, color: TEAL, maxWidth: this.width });
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: this.page.getWidth() - MARGIN, y: this.y }, thickness: 0.6, color: TEAL });
    this.y -= 14;
  }

  /** Label and value pairs, two to a row; a long value (a 60-letter name) wraps in its half, never shrinks or is cut. */
  fields(pairs: Array<[string, string]>): void {
    const half = this.width / 2;
    const labelWidth = Math.min(110, half * 0.42);
    const valueWidth = half - labelWidth - 8;
    const lineHeight = 12;
    for (let i = 0; i < pairs.length; i += 2) {
      const row = pairs.slice(i, i + 2);
      const values = row.map(([, value]) => this.wrap(this.bidi(value || '—'), valueWidth, 9));
      const lines = Math.max(...values.map((v) => v.length));
      this.beginBlock(16 + (lines - 1) * lineHeight);
      for (const [k, [label]] of row.entries()) {
        const offset = k * half;
        const x = this.rtl ? this.page.getWidth() - MARGIN - offset : MARGIN + offset;
        const align = this.rtl ? ('right' as const) : ('left' as const);
        this.ts.draw(this.page, this.bidi(label), { x, y: this.y, size: 8.5, color: MUTED, align, maxWidth: labelWidth - 6 });
        const vx = this.rtl ? x - labelWidth : x + labelWidth;
        for (const [n, line] of values[k]!.entries())
          this.ts.draw(this.page, line, { x: vx, y: this.y - n * lineHeight, size: 9, color: INK, align, maxWidth: valueWidth });
      }
      this.y -= 15 + (lines - 1) * lineHeight;
    }
  }

  paragraph(text: string, opts: { size?: number; muted?: boolean } = {}): void {
    this.beginBlock(18);
    const s = this.start();
    this.y = this.ts.paragraph(this.page, this.bidi(text), {
      ...s,
      y: this.y,
      width: this.width,
      size: opts.size ?? 9,
      lineHeight: (opts.size ?? 9) * 1.55,
      color: opts.muted ? MUTED : INK,
    });
  }

  /** A table with a header row, repeated after each page break; long cells wrap in their column. */
  table(columns: Column[], rows: string[][], opts: { size?: number } = {}): void {
    const size = opts.size ?? 8.5;
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const edges = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
    // Cells are padded 3 pt and start at their reading edge (the right one in an Arabic report). Made once per
    // column: an options object spread per cell was a tenth of a 2,000-row export.
    const place = columns.map((c, i) => ({
      x: this.rtl ? this.page.getWidth() - MARGIN - edges[i]! - 3 : MARGIN + edges[i]! + 3,
      align: this.rtl ? ('right' as const) : ('left' as const),
      direction: c.ltr ? ('ltr' as const) : undefined,
      maxWidth: widths[i]! - 6,
    }));
    const headerHeight = size + 9;
    const header = () => {
      this.page.drawRectangle({ x: MARGIN, y: this.y - 4, width: this.width, height: size + 8, color: rgb(0.93, 0.96, 0.95) });
      for (const [i, c] of columns.entries()) {
        const { x, align, maxWidth } = place[i]!;
        this.ts.draw(this.page, c.title, { x, align, y: this.y, size, bold: true, color: INK, maxWidth });
      }
      this.y -= headerHeight;
    };
    // Wrap each cell; a row is as tall as its tallest cell.
    const wrapped: string[][][] = [];
    for (const row of rows) {
      const cells: string[][] = [];
      for (const [i, cell] of row.entries()) cells.push(this.wrap(this.bidi(cell), widths[i]! - 6, size));
      wrapped.push(cells);
    }
    const heights = wrapped.map((cells) => Math.max(1, ...cells.map((l) => l.length)) * (size * 1.35) + 4);
    // The heading and the header row never stay alone at the foot of a page: they go with the first row.
    this.beginBlock(headerHeight + (heights[0] ?? 0));
    header();
    for (const [r, cells] of wrapped.entries()) {
      const height = heights[r]!;
      if (this.y - height < FOOTER + 10) {
        this.newPage();
        header();
      }
      for (const [i, lines] of cells.entries()) {
        const { x, align, direction, maxWidth } = place[i]!;
        for (const [k, line] of lines.entries())
          this.ts.draw(this.page, line, { x, align, direction, y: this.y - k * size * 1.35, size, color: INK, maxWidth });
      }
      this.y -= height;
      this.ts.rule(this.page, { x: MARGIN, y: this.y + size * 0.9 }, this.page.getWidth() - MARGIN, 0.3, RULE);
    }
    this.y -= 4;
  }

  private wrap(text: string, width: number, size: number): string[] {
    if (this.ts.shape(text).unitWidth * size <= width) return [text];
    return this.ts.wrap(text, width / size).slice(0, 6);
  }

  /** The footer on every page (page n of N), then the fonts; call once, last. */
  finish(footer: string): void {
    this.flushHeading();
    for (const [i, page] of this.pages.entries()) {
      page.drawLine({ start: { x: MARGIN, y: FOOTER - 6 }, end: { x: page.getWidth() - MARGIN, y: FOOTER - 6 }, thickness: 0.4, color: RULE });
      const n = this.rtl ? `صفحة ${i + 1} من ${this.pages.length}` : `Page ${i + 1} of ${this.pages.length}`;
      const s = this.rtl ? { x: page.getWidth() - MARGIN, align: 'right' as const } : { x: MARGIN, align: 'left' as const };
      const e = this.rtl ? { x: MARGIN, align: 'left' as const } : { x: page.getWidth() - MARGIN, align: 'right' as const };
      this.ts.draw(page, this.bidi(footer), { ...s, y: FOOTER - 18, size: 7, color: MUTED, maxWidth: page.getWidth() - 2 * MARGIN - 80 });
      this.ts.draw(page, n, { ...e, y: FOOTER - 18, size: 7, color: MUTED, direction: this.rtl ? 'rtl' : 'ltr' });
    }
    this.ts.finish();
  }
}
