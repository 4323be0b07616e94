import { PDFDocument, rgb, type PDFImage, type PDFPage } from 'pdf-lib';
import { Typesetter } from './text/typesetter';
import { CARD_HEIGHT, CARD_WIDTH, drawCardBack, drawCardFront, type Origin } from './card-layout';
import type { CardFacts } from './card-facts';
import { describeDocument } from './metadata';
import { savePdfA } from './pdf-a';

export type CardLayout = 'cr80' | 'a4';

const A4 = { width: 595.28, height: 841.89 };
const SHEET = { columns: 2, rows: 5, gapX: 14, gapY: 10 };
export const CARDS_PER_SHEET = SHEET.columns * SHEET.rows;

/**
 * Cards into one PDF. `cr80`: a front page and a back page per card, the size of the card, for
 * card printers. `a4`: sheets of ten fronts, each followed by a sheet of the ten backs placed
 * for long-edge duplex printing, with crop marks.
 */
export async function cardsPdf(cards: CardFacts[], layout: CardLayout, opts: { title?: string; now?: Date } = {}): Promise<Uint8Array> {
  if (cards.length === 0) throw new Error('no cards to print');
  const doc = await PDFDocument.create();
  describeDocument(doc, {
    title: opts.title ?? (cards.length === 1 ? `بطاقة التصنيف المهني ${cards[0]!.number}` : `بطاقات التصنيف المهني (${cards.length})`),
    subject: 'Professional classification cards',
    now: opts.now,
  });
  const ts = await Typesetter.for(doc);
  const photos = new Map<string, PDFImage>();
  const photoOf = async (card: CardFacts): Promise<PDFImage | null> => {
    if (!card.photo) return null;
    let image = photos.get(card.photo.sha256);
    if (!image) {
      image = card.photo.mime === 'image/png' ? await doc.embedPng(card.photo.bytes) : await doc.embedJpg(card.photo.bytes);
      photos.set(card.photo.sha256, image);
    }
    return image;
  };

  if (layout === 'cr80') {
    for (const card of cards) {
      const front = doc.addPage([CARD_WIDTH, CARD_HEIGHT]);
      drawCardFront(front, ts, card, await photoOf(card), { x: 0, y: 0 });
      const back = doc.addPage([CARD_WIDTH, CARD_HEIGHT]);
      drawCardBack(back, ts, card, { x: 0, y: 0 });
    }
  } else {
    for (let i = 0; i < cards.length; i += CARDS_PER_SHEET) {
      const batch = cards.slice(i, i + CARDS_PER_SHEET);
      const fronts = doc.addPage([A4.width, A4.height]);
      const backs = doc.addPage([A4.width, A4.height]);
      for (const [k, card] of batch.entries()) {
        const at = slot(k, false);
        drawCardFront(fronts, ts, card, await photoOf(card), at);
        cropMarks(fronts, at);
        // Long-edge duplex: the back of the card in column 1 is printed in column 2.
        const back = slot(k, true);
        drawCardBack(backs, ts, card, back);
        cropMarks(backs, back);
      }
    }
  }
  ts.finish();
  return savePdfA(doc);
}

function slot(k: number, mirrored: boolean): Origin {
  const column = k % SHEET.columns;
  const row = Math.floor(k / SHEET.columns);
  const gridWidth = SHEET.columns * CARD_WIDTH + (SHEET.columns - 1) * SHEET.gapX;
  const gridHeight = SHEET.rows * CARD_HEIGHT + (SHEET.rows - 1) * SHEET.gapY;
  const left = (A4.width - gridWidth) / 2;
  const top = (A4.height + gridHeight) / 2;
  const col = mirrored ? SHEET.columns - 1 - column : column;
  return { x: left + col * (CARD_WIDTH + SHEET.gapX), y: top - (row + 1) * CARD_HEIGHT - row * SHEET.gapY };
}

function cropMarks(page: PDFPage, o: Origin): void {
  const len = 5;
  const off = 1.5;
  const color = rgb(0, 0, 0);
  for (const x of [o.x, o.x + CARD_WIDTH]) {
    for (const y of [o.y, o.y + CARD_HEIGHT]) {
      const dx = x === o.x ? -1 : 1;
      const dy = y === o.y ? -1 : 1;
      page.drawLine({ start: { x: x + dx * off, y }, end: { x: x + dx * (off + len), y }, thickness: 0.25, color });
      page.drawLine({ start: { x, y: y + dy * off }, end: { x, y: y + dy * (off + len) }, thickness: 0.25, color });
    }
  }
}
