import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { Typesetter } from './typesetter';
import { ltr } from './shape-line';
import { isolateFigures } from './figures';
import { FAMILY, FEMALE_FIRST, MALE_FIRST } from '../../demo/names';
import { pdfText, qpdfCheck } from '../testing/pdf-tools';

/** Names no one chose by hand: every demo first name with every family name, plus the hard cases. */
const HARD = [
  'محمد بن عبدالله الشهري',
  'عبدُ اللهِ بنُ سلامٍ',
  'لمى عبدالإله آل الشيخ',
  'هلا عبدالله الفلاني',
  'مُحَمَّد عَبْدُالرَّحْمٰن',
  'إبراهيم (أبو خليل) القرشي',
  'Jean-Luc O’Neill',
  'Zoë Ångström',
];

async function roundTrip(lines: string[]): Promise<string[]> {
  const doc = await PDFDocument.create();
  const ts = await Typesetter.for(doc);
  const perPage = 20;
  for (let i = 0; i < lines.length; i += perPage) {
    const page = doc.addPage([500, 40 + perPage * 30]);
    for (const [k, line] of lines.slice(i, i + perPage).entries()) {
      const rtl = /[\u0600-\u06ff]/.test(line);
      ts.draw(page, line, { x: rtl ? 480 : 20, y: page.getHeight() - 30 - k * 30, size: 14, align: rtl ? 'right' : 'left' });
    }
  }
  ts.finish();
  const pdf = await doc.save();
  expect(qpdfCheck(pdf).ok).toBe(true);
  return pdfText(pdf)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

describe('Arabic and English set in a PDF', () => {
  it('extracts every name back in reading order, ligatures (لا, الله) and diacritics included', async () => {
    const names = [...MALE_FIRST, ...FEMALE_FIRST].flatMap(([first]) => FAMILY.slice(0, 6).map(([family]) => `${first} بن عبدالله ${family}`));
    const lines = [...HARD, ...names];
    expect(await roundTrip(lines)).toEqual(lines.map((l) => l.normalize('NFKC')));
  });

  it('sets a Latin word inside Arabic in its own run (extractors may move the spaces around it)', async () => {
    // Poppler rebuilds mixed lines with its own heuristics and puts both spaces on one side of
    // the left-to-right run; the words and their order come back right.
    const lines = await roundTrip(['سارة Sarah الحربي', 'رقم 2026 للطلب']);
    expect(lines.map((l) => l.replace(/\s+/g, ''))).toEqual(['سارةSarahالحربي', 'رقم2026للطلب']);
  });

  it('reads back dates, figures, brackets and punctuation inside Arabic in reading order, spaces included', async () => {
    const lines = [
      'قدم في 2026-11-22 قبل فتح النافذة',
      'في 2026-11-25 (البطاقة تنتهي 2027-02-25)',
      'طبع في 2026-11-30 15:32 بتوقيت الرياض بواسطة مشرف النظام',
      '2026-11-22 م (1448/06/12 هـ)',
      'المبلغ 1,350.00 ريال',
      'سارة Sarah الحربي',
      // Punctuation between Arabic words keeps its place too; so does a bracket closing Latin text.
      'مرفق: شهادة عمل، تجديد البطاقة / التصنيف',
      'بواسطة desk (command line) · يعكس السجل',
    ];
    expect(await roundTrip(lines.map(isolateFigures))).toEqual(lines);
  });

  it('keeps an identifier left to right inside Arabic', async () => {
    const [line] = await roundTrip([`رقم البطاقة ${ltr('12-R-0034567')}`]);
    expect(line).toContain('12-R-0034567');
    expect(line).toContain('رقم البطاقة');
  });

  it('shrinks a long name to fit and never overflows; past the smallest size it is cut with an ellipsis', async () => {
    const doc = await PDFDocument.create();
    const ts = await Typesetter.for(doc);
    const page = doc.addPage([300, 100]);
    const long = 'فاطمة الزهراء بنت عبدالرحمن بن عبدالعزيز آل عبدالكريم القحطاني';
    const size = ts.draw(page, long, { x: 290, y: 60, size: 14, align: 'right', maxWidth: 250, minSize: 6 });
    expect(size).toBeLessThan(14);
    expect(ts.shape(long).unitWidth * size).toBeLessThanOrEqual(250.01);
    const cut = ts.draw(page, long, { x: 290, y: 20, size: 14, align: 'right', maxWidth: 80, minSize: 10 });
    expect(cut).toBe(10);
    ts.finish();
    const text = pdfText(await doc.save());
    expect(text).toContain(long);
    expect(text).toMatch(/فاطمة الزهراء.*\.\.\./); // NFKC spells the ellipsis as three dots
  });

  it('joins Arabic letters: contextual forms, not isolated ones', async () => {
    const doc = await PDFDocument.create();
    const ts = await Typesetter.for(doc);
    const joined = ts.shape('محمد');
    const isolated = await Promise.all([...'محمد'].map((ch) => ts.shape(ch)));
    // Each letter takes its initial, medial or final form: none is the isolated glyph.
    const drawn = joined.glyphs.map((g) => g.glyph);
    const alone = isolated.map((s) => s.glyphs[0]!.glyph).reverse();
    expect(drawn).toHaveLength(4);
    drawn.forEach((g, i) => expect(g).not.toBe(alone[i]));
    // Visual order: the first letter (م) is drawn last, on the right.
    expect(joined.glyphs.at(-1)!.text).toBe('م');
  });
});
