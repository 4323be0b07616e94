import { PDFDocument, rgb } from 'pdf-lib';
import { TERMS } from '../../../../shared/domain/terms';
import { Typesetter } from '../text/typesetter';
import { ltr } from '../text/shape-line';
import { drawQr } from '../qr';
import { longDate } from '../../time/hijri';
import { describeDocument } from '../metadata';
import { savePdfA } from '../pdf-a';
import { letterText } from './letter-texts';
import { ID_TYPE_LABELS } from '../holder-facts';
import type { LetterFacts } from './letter-facts';

const A4 = { width: 595.28, height: 841.89 };
const TEAL = rgb(0.031, 0.408, 0.357);
const INK = rgb(0.1, 0.12, 0.14);
const MUTED = rgb(0.33, 0.36, 0.4);
const MARGIN = 48;

/** An issued letter or certificate on A4: Arabic first, English beside it, dated in both calendars, with a QR to verify it. */
export async function letterPdf(f: LetterFacts, opts: { now?: Date } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { title, body } = letterText(f);
  describeDocument(doc, { title: `${title.ar} — ${title.en} ${f.reference}`, subject: title.en, now: opts.now });
  const ts = await Typesetter.for(doc);
  const page = doc.addPage([A4.width, A4.height]);
  const right = A4.width - MARGIN;
  const left = MARGIN;
  const width = right - left;
  const top = A4.height;

  page.drawRectangle({ x: 0, y: top - 78, width: A4.width, height: 78, color: TEAL });
  ts.draw(page, TERMS.commission.ar, {
    x: right,
    y: top - 38,
    size: 17,
    bold: true,
    color: rgb(1, 1, 1),
    align: 'right',
    maxWidth: width / 2 - 10,
  });
  ts.draw(page, TERMS.commission.en, { x: left, y: top - 38, size: 11, bold: true, color: rgb(1, 1, 1), maxWidth: width / 2 - 10 });
  ts.draw(page, 'الرقم الموحد 920019393', { x: right, y: top - 60, size: 8.5, color: rgb(0.85, 0.95, 0.92), align: 'right' });
  ts.draw(page, 'Unified number 920019393', { x: left, y: top - 60, size: 8, color: rgb(0.85, 0.95, 0.92) });

  const ar = longDate(f.issuedAt, 'ar');
  const en = longDate(f.issuedAt, 'en');
  let y = top - 108;
  ts.draw(page, `الرقم: ${ltr(f.reference)}`, { x: right, y, size: 10, color: INK, align: 'right' });
  ts.draw(page, `Ref.: ${f.reference}`, { x: left, y, size: 9.5, color: INK });
  y -= 16;
  ts.draw(page, `التاريخ: ${ar.hijri} الموافق ${ar.gregorian}`, {
    x: right,
    y,
    size: 10,
    color: INK,
    align: 'right',
    maxWidth: width / 2 + 20,
  });
  ts.draw(page, `Date: ${en.gregorian} (${en.hijri})`, { x: left, y, size: 9.5, color: INK, maxWidth: width / 2 - 30 });

  y -= 44;
  ts.draw(page, title.ar, { x: A4.width / 2, y, size: 18, bold: true, color: TEAL, align: 'center' });
  y -= 22;
  ts.draw(page, title.en, { x: A4.width / 2, y, size: 13, bold: true, color: TEAL, align: 'center' });

  y -= 38;
  ts.draw(page, 'إلى من يهمه الأمر', { x: right, y, size: 12, bold: true, color: INK, align: 'right' });
  y -= 24;
  y = ts.paragraph(page, body.ar, { x: right, y, width, size: 12, lineHeight: 22, align: 'right', color: INK });
  y -= 6;
  page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: 0.5, color: rgb(0.8, 0.82, 0.84) });
  y -= 26;
  ts.draw(page, 'To whom it may concern', { x: left, y, size: 11, bold: true, color: INK });
  y -= 20;
  y = ts.paragraph(page, body.en, { x: left, y, width, size: 10.5, lineHeight: 17, color: INK });

  // The holder, as the QR names them.
  const idLabel = ID_TYPE_LABELS[f.idType] ?? ID_TYPE_LABELS.national_id!;
  y -= 18;
  ts.draw(page, `${idLabel.ar}: ${ltr(f.idNumber)}`, { x: right, y, size: 10, color: MUTED, align: 'right' });
  ts.draw(page, `${idLabel.en}: ${f.idNumber}`, { x: left, y, size: 9.5, color: MUTED });

  const qrSize = 92;
  drawQr(page, f.qr, { x: left, y: 70, size: qrSize });
  ts.draw(page, 'للتحقق من هذه الوثيقة امسح الرمز', { x: left + qrSize + 14, y: 120, size: 10, color: MUTED, align: 'left', direction: 'rtl' });
  ts.draw(page, 'Scan the code to verify this document', { x: left + qrSize + 14, y: 104, size: 9, color: MUTED });
  ts.draw(page, 'وثيقة صادرة إلكترونياً لا تحتاج إلى توقيع', {
    x: left + qrSize + 14,
    y: 84,
    size: 9,
    color: MUTED,
    align: 'left',
    direction: 'rtl',
  });
  ts.draw(page, 'Issued electronically; valid without a signature', { x: left + qrSize + 14, y: 70, size: 8.5, color: MUTED });
  ts.draw(page, `${TERMS.commission.ar} — ${TERMS.commission.en}`, { x: A4.width / 2, y: 32, size: 8, color: MUTED, align: 'center' });
  ts.finish();
  return savePdfA(doc);
}
