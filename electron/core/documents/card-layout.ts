import { rgb, type PDFImage, type PDFPage } from 'pdf-lib';
import { TERMS } from '../../../shared/domain/terms';
import type { Typesetter } from './text/typesetter';
import { ltr } from './text/shape-line';
import { drawQr } from './qr';
import { gregorianDay, hijriDay } from '../time/hijri';
import type { CardFacts } from './card-facts';
import { ID_TYPE_LABELS } from './holder-facts';

/** ID-1 / CR80: 85.60 × 53.98 mm, in points. */
export const CARD_WIDTH = (85.6 / 25.4) * 72;
export const CARD_HEIGHT = (53.98 / 25.4) * 72;

const TEAL = rgb(0.031, 0.408, 0.357);
const INK = rgb(0.1, 0.12, 0.14);
const MUTED = rgb(0.33, 0.36, 0.4);
const WHITE = rgb(1, 1, 1);
const PAD = 7;
const BAND = 27;

export interface Origin {
  x: number;
  y: number;
}

/**
 * The front: the commission, the holder's photo and names (readable in both scripts), profession,
 * category, identifiers and the expiry, each Arabic on the right and English on the left.
 */
export function drawCardFront(page: PDFPage, ts: Typesetter, card: CardFacts, photo: PDFImage | null, o: Origin): void {
  const right = o.x + CARD_WIDTH - PAD;
  const left = o.x + PAD;
  const top = o.y + CARD_HEIGHT;
  const width = right - left;
  page.drawRectangle({ x: o.x, y: o.y, width: CARD_WIDTH, height: CARD_HEIGHT, color: WHITE, borderColor: rgb(0.8, 0.82, 0.84), borderWidth: 0.4 });
  page.drawRectangle({ x: o.x, y: top - BAND, width: CARD_WIDTH, height: BAND, color: TEAL });
  const half = width / 2 - 3;
  ts.draw(page, TERMS.commission.ar, {
    x: right,
    y: top - 11,
    size: 7.4,
    bold: true,
    color: WHITE,
    align: 'right',
    maxWidth: half,
    minSize: 5.5,
  });
  ts.draw(page, TERMS.commission.en, { x: left, y: top - 11, size: 6.2, bold: true, color: WHITE, maxWidth: half, minSize: 4.8 });
  const title = card.replacement
    ? { ar: 'بطاقة التصنيف المهني — بدل فاقد', en: 'Professional Classification Card — Replacement' }
    : { ar: 'بطاقة التصنيف المهني', en: 'Professional Classification Card' };
  ts.draw(page, title.ar, { x: right, y: top - 21.5, size: 6.2, color: WHITE, align: 'right', maxWidth: half, minSize: 4.8 });
  ts.draw(page, title.en, { x: left, y: top - 21.5, size: 5.6, color: WHITE, maxWidth: half, minSize: 4.4 });

  // The photo on the left (the English side), 3:4.
  const photoBox = { x: left, y: top - BAND - 5 - 64, width: 48, height: 64 };
  page.drawRectangle({ ...photoBox, color: rgb(0.94, 0.95, 0.96), borderColor: rgb(0.75, 0.78, 0.8), borderWidth: 0.4 });
  if (photo) {
    const scale = Math.min(photoBox.width / photo.width, photoBox.height / photo.height);
    const w = photo.width * scale;
    const h = photo.height * scale;
    page.drawImage(photo, { x: photoBox.x + (photoBox.width - w) / 2, y: photoBox.y + (photoBox.height - h) / 2, width: w, height: h });
  } else {
    ts.draw(page, 'لا توجد صورة', { x: photoBox.x + photoBox.width / 2, y: photoBox.y + 34, size: 5, color: MUTED, align: 'center' });
    ts.draw(page, 'No photo', { x: photoBox.x + photoBox.width / 2, y: photoBox.y + 26, size: 5, color: MUTED, align: 'center' });
  }

  // Beside the photo: the names, large, then profession and category.
  const textLeft = photoBox.x + photoBox.width + 7;
  const textWidth = right - textLeft;
  let y = top - BAND - 12;
  y -= ts.fit(page, card.nameAr, {
    x: right,
    y,
    size: 10,
    minSize: 7.5,
    maxLines: 2,
    bold: true,
    color: INK,
    align: 'right',
    maxWidth: textWidth,
    lineGap: 1.3,
  });
  y -= 1;
  y -= ts.fit(page, card.nameEn, {
    x: textLeft,
    y,
    size: 8.4,
    minSize: 6.5,
    maxLines: 2,
    bold: true,
    color: INK,
    maxWidth: textWidth,
    lineGap: 1.2,
  });
  y -= 2;
  page.drawLine({ start: { x: textLeft, y: y + 5 }, end: { x: right, y: y + 5 }, thickness: 0.3, color: rgb(0.8, 0.82, 0.84) });
  const column = textWidth / 2 - 2;
  const pair = (ar: string, en: string, at: number, from: number, size = 6.2, color = INK) => {
    ts.draw(page, ar, { x: right, y: at, size, color, align: 'right', maxWidth: (right - from) / 2 - 2, minSize: 4.6 });
    ts.draw(page, en, { x: from, y: at, size: size - 0.4, color, maxWidth: (right - from) / 2 - 2, minSize: 4.2 });
  };
  // Names that take three lines leave less room below: the rows then step a little closer.
  const step = y < photoBox.y + 24 ? 7.6 : 8.5;
  y -= 3;
  ts.draw(page, card.profession.ar, { x: right, y, size: 6.4, bold: true, color: INK, align: 'right', maxWidth: column, minSize: 4.6 });
  ts.draw(page, card.profession.en, { x: textLeft, y, size: 6, bold: true, color: INK, maxWidth: column, minSize: 4.4 });
  y -= step;
  pair(card.specialty.ar, card.specialty.en, y, textLeft);
  y -= step;
  pair(`التصنيف: ${card.category.ar}`, `Category: ${card.category.en}`, y, textLeft);

  // Below the photo, across the card: identifiers and the expiry.
  const idLabel = ID_TYPE_LABELS[card.idType] ?? ID_TYPE_LABELS.national_id!;
  // A name long enough for three lines pushes these down, but never onto the card-number rule:
  // the rows may then sit closer under the category line (they still clear its descenders).
  let row = Math.max(Math.min(y - 10, photoBox.y - 9), Math.min(y - step - 1, o.y + 35.5));
  pair(`${idLabel.ar}: ${ltr(card.idNumber)}`, `${idLabel.en}: ${card.idNumber}`, row, left);
  row -= step;
  pair(`رقم التسجيل: ${ltr(card.registrationNumber ?? '—')}`, `Registration No.: ${card.registrationNumber ?? '—'}`, row, left);
  row -= 9;
  ts.draw(page, `تاريخ الانتهاء: ${gregorianDay(card.expiresAt)} م`, {
    x: right,
    y: row,
    size: 6.6,
    bold: true,
    color: TEAL,
    align: 'right',
    maxWidth: width / 2,
  });
  ts.draw(page, `Expires: ${card.expiresAt}`, { x: left, y: row, size: 6.2, bold: true, color: TEAL, maxWidth: width / 2 });

  // The card number along the bottom, where a clerk looks for it.
  page.drawLine({ start: { x: left, y: o.y + 12 }, end: { x: right, y: o.y + 12 }, thickness: 0.3, color: rgb(0.8, 0.82, 0.84) });
  // A preview has no number yet: its band takes that strip, so it never hides a long name.
  if (card.preview) return drawPreviewBand(page, ts, o, { y: o.y, height: 12 });
  ts.draw(page, `رقم البطاقة ${ltr(card.number)}`, { x: right, y: o.y + 4.5, size: 6, bold: true, color: TEAL, align: 'right' });
  ts.draw(page, `Card No. ${card.number}`, { x: left, y: o.y + 4.5, size: 5.6, bold: true, color: TEAL });
}

/** Across a previewed side (the middle of the back, the number strip of the front): this is a preview, not a card. */
function drawPreviewBand(page: PDFPage, ts: Typesetter, o: Origin, band = { y: o.y + CARD_HEIGHT / 2 - 9, height: 18 }): void {
  const { y, height } = band;
  page.drawRectangle({ x: o.x, y, width: CARD_WIDTH, height, color: rgb(0.75, 0.1, 0.1), opacity: 0.82 });
  const base = y + height / 2 - 2.5;
  ts.draw(page, 'معاينة — ليست بطاقة', { x: o.x + CARD_WIDTH - PAD, y: base, size: 7, bold: true, color: WHITE, align: 'right' });
  ts.draw(page, 'PREVIEW — NOT A CARD', { x: o.x + PAD, y: base, size: 6.4, bold: true, color: WHITE });
}

/** The back: the card number, issue and expiry dates in both calendars, the QR code to verify it. */
export function drawCardBack(page: PDFPage, ts: Typesetter, card: CardFacts, o: Origin): void {
  const right = o.x + CARD_WIDTH - PAD;
  const top = o.y + CARD_HEIGHT;
  page.drawRectangle({ x: o.x, y: o.y, width: CARD_WIDTH, height: CARD_HEIGHT, color: WHITE, borderColor: rgb(0.8, 0.82, 0.84), borderWidth: 0.4 });
  page.drawRectangle({ x: o.x, y: top - 6, width: CARD_WIDTH, height: 6, color: TEAL });

  const qrSize = 74;
  const qrX = o.x + PAD + 2;
  const qrY = o.y + (CARD_HEIGHT - qrSize) / 2 - 6;
  if (card.preview) {
    // No QR code on a preview: a scanned preview must never verify.
    page.drawRectangle({ x: qrX, y: qrY, width: qrSize, height: qrSize, borderColor: MUTED, borderWidth: 0.6, borderDashArray: [2, 2] });
  } else drawQr(page, card.qr, { x: qrX, y: qrY, size: qrSize });
  ts.draw(page, 'امسح الرمز للتحقق من البطاقة', {
    x: qrX + qrSize / 2,
    y: qrY - 7,
    size: 4.6,
    color: MUTED,
    align: 'center',
    maxWidth: qrSize + 8,
  });
  ts.draw(page, 'Scan to verify this card', {
    x: qrX + qrSize / 2,
    y: qrY - 13,
    size: 4.2,
    color: MUTED,
    align: 'center',
    maxWidth: qrSize + 8,
  });

  const colLeft = qrX + qrSize + 10;
  const width = right - colLeft;
  const rows: Array<{ ar: string; en: string; value: string; hijri?: string }> = [
    { ar: 'رقم البطاقة', en: 'Card number', value: ltr(card.number) },
    { ar: 'تاريخ الإصدار', en: 'Issued', value: `${gregorianDay(card.issuedAt)} م`, hijri: hijriDay(card.issuedAt) },
    { ar: 'تاريخ الانتهاء', en: 'Expires', value: `${gregorianDay(card.expiresAt)} م`, hijri: hijriDay(card.expiresAt) },
  ];
  let y = top - 22;
  for (const row of rows) {
    ts.draw(page, row.ar, { x: right, y, size: 5, color: MUTED, align: 'right', maxWidth: width / 2 });
    ts.draw(page, row.en, { x: colLeft, y, size: 4.6, color: MUTED, maxWidth: width / 2 });
    y -= 9;
    ts.draw(page, row.value, { x: right, y, size: 6.6, bold: true, color: INK, align: 'right', maxWidth: width / 2 - 2 });
    if (row.hijri) ts.draw(page, `${row.hijri} هـ`, { x: colLeft, y, size: 6.6, bold: true, color: INK, maxWidth: width / 2 - 2 });
    y -= 13;
  }
  ts.draw(page, `${TERMS.commission.ar} · 920019393`, { x: right, y: o.y + 6, size: 4.4, color: MUTED, align: 'right', maxWidth: width });
  if (card.preview) drawPreviewBand(page, ts, o);
}
