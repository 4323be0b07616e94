import QRCode from 'qrcode';
import {
  PDFOperator,
  PDFOperatorNames,
  PDFNumber,
  closePath,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingColor,
  type PDFPage,
  type Color,
} from 'pdf-lib';

/**
 * Draws a QR code as vector squares (one path, runs of dark modules merged), so it prints
 * sharp at any resolution. `size` is the side of the symbol without its quiet zone.
 */
export function drawQr(page: PDFPage, payload: string, at: { x: number; y: number; size: number; color?: Color }): void {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const m = at.size / n;
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingColor(at.color ?? rgb(0, 0, 0))];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      // Rows counted from the top; PDF y grows upwards.
      const x = at.x + start * m;
      const y = at.y + at.size - (row + 1) * m;
      ops.push(
        PDFOperator.of(
          PDFOperatorNames.AppendRectangle,
          [x, y, (col - start) * m, m].map((v) => PDFNumber.of(round(v))),
        ),
      );
    }
  }
  ops.push(closePath(), fill(), popGraphicsState());
  page.pushOperators(...ops);
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** The module count of the symbol a payload needs (tests and layout). */
export const qrModules = (payload: string): number => QRCode.create(payload, { errorCorrectionLevel: 'M' }).modules.size;
