/** Card entries: one card, 1,000 cards in one PDF, and the same card as HTML through Chromium's page.pdf. */
import { chromium } from '@playwright/test';
import type { Desk } from '../electron/core/desk/open-desk';
import { loadCardFacts } from '../electron/core/cards/load-card-facts';
import { cardsPdf } from '../electron/core/documents/card-pdf';
import { fontsFolder } from '../electron/core/documents/text/font-files';
import type { CardFacts } from '../electron/core/documents/card-facts';
import { time } from './stats';

/** One card's PDF: p95 (ms), and how many times faster than Chromium's page.pdf of the same card (medians), issue #18. */
export const CARD_ONE_BUDGET_MS = 20;
export const CARD_OVER_CHROMIUM_MIN_RATIO = 10;

export async function benchCards(desk: Desk, log: (line: string) => void): Promise<Record<string, unknown>> {
  const ids = (await desk.db.selectFrom('cards').select('request_id').where('status', '=', 'active').orderBy('id').limit(1000).execute()).map(
    (r) => r.request_id,
  );
  if (ids.length === 0) throw new Error('the bench database has no printed cards; delete bench/.cache and run again');
  const facts = await loadCardFacts(desk.db, desk.cardSigner, ids, desk.blobs);
  const many = Array.from({ length: 1000 }, (_, i) => facts[i % facts.length]!);

  log('one card PDF…');
  const one = await time(60, 10, (i) => cardsPdf([facts[i % facts.length]!], 'cr80'));
  log('1,000 cards in one PDF…');
  const m0 = performance.now();
  const big = await cardsPdf(many, 'cr80');
  const manyMs = performance.now() - m0;
  const a4 = performance.now();
  await cardsPdf(many, 'a4');
  const a4Ms = performance.now() - a4;

  log("the same card through Chromium's page.pdf…");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  let chromiumTiming;
  try {
    const page = await browser.newPage();
    chromiumTiming = await time(30, 5, async (i) => {
      await page.setContent(cardHtml(facts[i % facts.length]!), { waitUntil: 'load' });
      await page.pdf({ width: '85.6mm', height: '53.98mm', printBackground: true, pageRanges: '1' });
    });
  } finally {
    await browser.close();
  }
  return {
    'card.one': { ...one, budgetMs: CARD_ONE_BUDGET_MS },
    'cards.1000.cr80': { ms: Math.round(manyMs), bytes: big.length, budgetMs: 15_000 },
    'cards.1000.a4': { ms: Math.round(a4Ms) },
    'card.one.chromium-page.pdf': chromiumTiming,
    'card.one.ratio': { chromiumOverOurs: Math.round((chromiumTiming.medianMs / one.medianMs) * 10) / 10, budget: CARD_OVER_CHROMIUM_MIN_RATIO },
  };
}

/** The front of a card as HTML with the same fonts, for Chromium to print (the comparison, not a product path). */
function cardHtml(c: CardFacts): string {
  const fonts = `file://${fontsFolder()}`;
  const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>
@font-face{font-family:A;src:url(${fonts}/NotoSansArabic-Regular.ttf)}@font-face{font-family:A;font-weight:700;src:url(${fonts}/NotoSansArabic-Bold.ttf)}
@font-face{font-family:L;src:url(${fonts}/NotoSans-Regular.ttf)}
@page{size:85.6mm 53.98mm;margin:0}body{margin:0;font-family:A,L;font-size:6pt}
.band{background:#08685b;color:#fff;padding:2mm 2.5mm;display:flex;justify-content:space-between}
.name{font-weight:700;font-size:8.5pt;padding:1mm 2.5mm}.row{display:flex;justify-content:space-between;padding:0 2.5mm}
</style></head><body><div class="band"><b>الهيئة السعودية للتخصصات الصحية</b><span dir="ltr">Saudi Commission for Health Specialties</span></div>
<div class="name">${esc(c.nameAr)}</div><div class="name" dir="ltr">${esc(c.nameEn)}</div>
<div class="row"><span>${esc(c.profession.ar)} — ${esc(c.specialty.ar)}</span><span dir="ltr">${esc(c.profession.en)}</span></div>
<div class="row"><span>رقم الهوية: <bdi>${esc(c.idNumber)}</bdi></span><span dir="ltr">Card No. ${esc(c.number)}</span></div></body></html>`;
}
