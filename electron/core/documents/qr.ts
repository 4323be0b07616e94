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
  const { size: n, data: dark } = QRCode.create(payload, { errorCorrectionLevel: 'M' }).modules;
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

/** The module count of the symbol a payload needs (tests and layout). */
export const qrModules = (payload: string): number => QRCode.create(payload, { errorCorrectionLevel: 'M' }).modules.size;
