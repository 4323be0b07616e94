import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { extractionText, popplerClass, popplerReorder } from './extraction-order';
import { Typesetter } from './typesetter';
import { pdfText } from '../testing/pdf-tools';
import { pdfjsLines } from '../testing/pdfjs-text';

const LINES = [
  'نورة "لولوة" (الجوهرة) ٢٠٢٦',
  'Noura "Lulwa" (Aljawhara) 2026',
  'مرفق: شهادة عمل، تجديد البطاقة، وشهادة أخرى، ثم نهاية',
  'التصنيف: فني',
  'الرقم: REQ-2026-000123',
  'عبدُ اللهِ بنُ سلامٍ',
  'Name: نورة الحربي (x).',
  '(ألف)',
  'Scan (QR)',
];

describe('the order extractors read a line in', () => {
  it('classes characters as poppler does (probed with pdftotext 22): the Arabic comma ends a right-to-left section', () => {
    expect(['a', 'é', '\u200e'].map(popplerClass)).toEqual(['L', 'L', 'L']);
    expect(['ب', '\u200f', '؟'].map(popplerClass)).toEqual(['R', 'R', 'R']);
    expect(['1', '٢', '،', ':', '.', '/', '-'].map(popplerClass)).toEqual(['N', 'N', 'N', 'N', 'N', 'N', 'N']);
    expect([' ', '(', '"', '—', '\u064f'].map(popplerClass)).toEqual(['X', 'X', 'X', 'X', 'X']);
  });

  it.each([true, false])('spells every line so poppler reads it back in logical order (left-to-right page: %s)', (ltrPage) => {
    for (const line of LINES) expect(popplerReorder(extractionText(line, ltrPage), ltrPage).replace(/[\u200e\u200f]/g, '')).toBe(line);
  });

  async function page(lines: string[]): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const ts = await Typesetter.for(doc);
    const p = doc.addPage([560, 40 + lines.length * 24]);
    for (const [k, line] of lines.entries()) {
      const rtl = /^[^A-Za-z]*[\u0600-\u06ff]/.test(line);
      ts.draw(p, line, { x: rtl ? 540 : 20, y: p.getHeight() - 30 - k * 24, size: 12, align: rtl ? 'right' : 'left' });
    }
    ts.finish();
    return doc.save();
  }
  const lines = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);

  // A page of English reads left to right in poppler, a page of Arabic right to left: both must come back in order.
  const ENGLISH = Array.from({ length: 8 }, (_, i) => `An English line number ${i} that tips the page to left to right`);
  const ARABIC = Array.from({ length: 8 }, (_, i) => `سطر عربي طويل رقم ${i} يجعل الصفحة من اليمين إلى اليسار في القراءة`);
  it.each([
    ['English', ENGLISH],
    ['Arabic', ARABIC],
  ])('pdftotext and pdf.js read brackets, Arabic commas and mixed lines in order on a page of %s', async (_, filler) => {
    const pdf = await page([...LINES, ...filler]);
    expect(lines(pdfText(pdf)).slice(0, LINES.length)).toEqual(LINES);
    // pdf.js makes its own spaces from gaps; the letters, digits and marks come back in order. It
    // does not place a mark drawn first on a line (one on the line's last letter, drawn leftmost):
    // it ends the line before. Those lines are left to poppler.
    const squeeze = (l: string) => l.replace(/\s+/g, '');
    const placed = LINES.filter((l) => !/\p{M}$/u.test(l));
    const read = (await pdfjsLines(pdf)).map(squeeze);
    for (const l of placed) expect(read).toContain(squeeze(l));
  });

  it('a bracket drawn mirrored (right to left) does not change what it reads as left to right, in either order', async () => {
    for (const order of [LINES.slice(0, 2), LINES.slice(0, 2).reverse()]) {
      const pdf = await page(order);
      expect(lines(pdfText(pdf))).toEqual(order);
      expect((await pdfjsLines(pdf)).map((l) => l.replace(/\s+/g, ''))).toEqual(order.map((l) => l.replace(/\s+/g, '')));
    }
  });
});
