import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DOCUMENT_SERVICES } from '../../../shared/domain/index';
import { letterPdf } from './letters/letter-pdf';
import { cardsPdf, CARDS_PER_SHEET } from './card-pdf';
import { loadCardSigner } from './card-signing';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { pageSizes, pdffonts, pdfText, qpdfCheck, scannedQr } from './testing/pdf-tools';
import { testCard, testLetter } from './testing/document-facts';
import { CARD_HEIGHT, CARD_WIDTH } from './card-layout';
import { qrModules } from './qr';
import type { CardFacts } from './card-facts';

const signer = loadCardSigner(null);

const PEOPLE: Array<{ nameAr: string; nameEn: string; idNumber: string; idType: string; gender: 'male' | 'female' }> = [
  { nameAr: 'عبدُ اللهِ بنُ سلامٍ الدوسري', nameEn: 'Abdullah Salam Aldosari', idNumber: '1012345678', idType: 'national_id', gender: 'male' },
  { nameAr: 'لمى عبدالإله آل الشيخ', nameEn: 'Lama Abdulelah Al Alsheikh', idNumber: '1098765432', idType: 'national_id', gender: 'female' },
  {
    nameAr: 'فاطمة الزهراء بنت عبدالرحمن بن عبدالعزيز بن محمد آل عبدالكريم القحطاني',
    nameEn: 'Fatimah Alzahraa Abdulrahman Abdulaziz Mohammed Al Abdulkarim Al-Qahtani',
    idNumber: '1122334455',
    idType: 'national_id',
    gender: 'female',
  },
  { nameAr: 'راجيش كومار', nameEn: 'Rajesh Kumar', idNumber: '2433965528', idType: 'iqama', gender: 'male' },
];

function card(i: number): CardFacts {
  return testCard(signer, {
    ...PEOPLE[i % PEOPLE.length]!,
    number: `C-2026-${String(i + 1).padStart(6, '0')}`,
    specialty: { ar: 'جراحة العظام', en: 'Orthopaedic Surgery' },
    category: { ar: 'أخصائي أول', en: 'Senior specialist' },
    replacement: i % 2 === 1,
  });
}

describe('classification cards as PDF', () => {
  it('CR80 pages, front and back, every name and number read back, dates in both calendars', async () => {
    const cards = PEOPLE.map((_, i) => card(i));
    const pdf = await cardsPdf(cards, 'cr80');
    expect(qpdfCheck(pdf)).toMatchObject({ ok: true });
    const sizes = pageSizes(pdf);
    expect(sizes).toHaveLength(cards.length * 2);
    for (const s of sizes)
      expect([s.width, s.height].map((v) => Math.round(v * 10) / 10)).toEqual([Math.round(CARD_WIDTH * 10) / 10, Math.round(CARD_HEIGHT * 10) / 10]);
    for (const [i, c] of cards.entries()) {
      // A long name takes two lines; read as one.
      const front = pdfText(pdf, { page: i * 2 + 1 }).replace(/\s+/g, ' ');
      expect(front).toContain(c.nameAr.normalize('NFKC'));
      expect(front).toContain(c.nameEn);
      expect(front).toContain(c.number);
      expect(front).toContain(c.idNumber);
      if (c.replacement) expect(front).toContain('بدل فاقد');
      const back = pdfText(pdf, { page: i * 2 + 2 });
      expect(back).toContain('2029/11/23');
      expect(back).toContain('1451/07/16'); // 23 Nov 2029 in Umm al-Qura
    }
    const loaded = await PDFDocument.load(pdf);
    expect(loaded.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('ar-SA');
    expect(loaded.getTitle()).toContain('بطاقات التصنيف المهني');
    // The fonts are embedded once for the whole document, as subsets.
    const fonts = pdffonts(pdf);
    expect(fonts).toHaveLength(4);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+Noto.* CID TrueType +Identity-H +yes yes yes/);
  });

  it('writes sample cards for people to look at (test-results/documents)', async () => {
    mkdirSync('test-results/documents', { recursive: true });
    writeFileSync(
      'test-results/documents/cards-cr80.pdf',
      await cardsPdf(
        PEOPLE.map((_, i) => card(i)),
        'cr80',
      ),
    );
  });

  it('A4 sheets: ten cards a sheet, a sheet of backs after each sheet of fronts', async () => {
    const pdf = await cardsPdf(
      Array.from({ length: 13 }, (_, i) => card(i)),
      'a4',
    );
    expect(qpdfCheck(pdf).ok).toBe(true);
    expect(pageSizes(pdf)).toHaveLength(4);
    expect(CARDS_PER_SHEET).toBe(10);
    const firstFronts = pdfText(pdf, { page: 1 });
    expect(firstFronts).toContain('C-2026-000010');
    expect(firstFronts).not.toContain('C-2026-000011');
    expect(pdfText(pdf, { page: 3 })).toContain('C-2026-000013');
  });

  it('the QR payload verifies and any change to it does not', () => {
    const c = card(0);
    expect(qrModules(c.qr)).toBeLessThanOrEqual(57); // version 10 at most: it stays scannable at 26 mm
    expect(signer.read(c.qr)).toMatchObject({ signatureValid: true, fields: { number: c.number, holderId: c.idNumber, date: '2029-11-23' } });
    expect(signer.read(c.qr.replace('1012345678', '1012345679'))?.signatureValid).toBe(false);
    expect(signer.read(c.qr.replace('|20291123|', '|20391123|'))?.signatureValid).toBe(false);
    expect(loadCardSigner(null).read(c.qr)?.signatureValid).toBe(false);
    expect(signer.read('not a card')).toBeNull();
  });

  it("the QR printed on the card's back scans as its signed payload", async () => {
    for (const i of [0, 3]) {
      const c = card(i);
      const pdf = await cardsPdf([c], 'cr80');
      expect(scannedQr(pdf, 2)).toEqual([c.qr]);
    }
  });
});

describe('letters and certificates as PDF', () => {
  it.each(DOCUMENT_SERVICES)('%s: A4, both languages, reference, dates and the holder read back', async (service) => {
    const p = PEOPLE[DOCUMENT_SERVICES.indexOf(service) % PEOPLE.length]!;
    const pdf = await letterPdf(testLetter(signer, { ...p, service }));
    expect(qpdfCheck(pdf).ok).toBe(true);
    expect(pageSizes(pdf)).toEqual([{ width: 595.28, height: 841.89 }]);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    // A long name wraps inside the paragraph: its first words stay together on one line.
    expect(text).toContain(p.nameAr.split(' ').slice(0, 3).join(' ').normalize('NFKC'));
    expect(text).toContain(p.nameEn.split(' ').slice(0, 3).join(' '));
    expect(text).toContain('REQ-2026-000123');
    // Poppler writes a line mixing Arabic and digits run by run, so the date is checked by its parts.
    for (const part of ['جمادى الآخرة', '1448', '13', 'نوفمبر', '23 November 2026 (Jumada II 13, 1448 AH)']) expect(text).toContain(part);
  });
});
