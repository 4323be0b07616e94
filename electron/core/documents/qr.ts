import QRCode from 'qrcode';
import { rgb, setFillingColor, type PDFPage, type Color } from 'pdf-lib';
import { reserveContent } from './page-contents';
import { pdfNumber } from './text/line-operators';

/**
 * Draws a QR code as vector squares (one path, runs of dark modules merged), so it prints
 * sharp at any resolution. `size` is the side of the symbol without its quiet zone. The path is
 * written as text, in a content stream of its own: some six hundred rectangles as pdf-lib operator
 * objects took longer than the rest of the card's back.
 */
export function drawQr(page: PDFPage, payload: string, at: { x: number; y: number; size: number; color?: Color }): void {
  const { size: n, data: dark } = qrSymbol(payload).modules;
  const m = at.size / n;
  const side = pdfNumber(round(m));
  let path = `q\n${setFillingColor(at.color ?? rgb(0, 0, 0)).toString()}\n`;
  for (let row = 0; row < n; row++) {
    // Rows counted from the top; PDF y grows upwards.
    const y = pdfNumber(round(at.y + at.size - (row + 1) * m));
    let col = 0;
    while (col < n) {
      if (!dark[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && dark[row * n + col]) col++;
      path += `${pdfNumber(round(at.x + start * m))} ${y} ${pdfNumber(round((col - start) * m))} ${side} re\n`;
    }
  }
  page.doc.context.assign(reserveContent(page), page.doc.context.stream(new TextEncoder().encode(`${path}h\nf\nQ`)));
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/**
 * The symbol, its payload as one byte segment. Given a string, the library searches the shortest
 * mix of numeric, alphanumeric and byte segments (a shortest-path search over every mode switch):
 * half of a symbol's time, a fifth of a card's. A signed payload (card-signing.ts) is some 130
 * ASCII characters, 86 of them signature, and takes version 8 at level M either way.
 */
const qrSymbol = (payload: string) => QRCode.create([{ data: Buffer.from(payload, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });

/** The module count of the symbol a payload needs (tests and layout). */
export const qrModules = (payload: string): number => qrSymbol(payload).modules.size;
