import { describe, expect, it } from 'vitest';
import { cardsPdf } from '../../electron/core/documents/card-pdf';
import { letterPdf } from '../../electron/core/documents/letters/letter-pdf';
import { caseReportPdf } from '../../electron/core/documents/case-report-pdf';
import { loadCardSigner } from '../../electron/core/documents/card-signing';
import { detail, facts } from '../../electron/core/documents/testing/case-report-facts';
import { pdfText } from '../../electron/core/documents/testing/pdf-tools';
import { PHARMACIST, testCard, testLetter } from '../../electron/core/documents/testing/document-facts';
import { pdfjsLines } from '../../electron/core/documents/testing/pdfjs-text';

/**
 * Every kind of PDF the desk makes, for names no one on the team chose: diacritics (harakat), the
 * لا and الله ligatures, brackets and quotes (drawn mirrored in Arabic), Arabic-Indic digits, and
 * 60-letter names in both scripts. Each must read back whole and in reading order, with pdftotext
 * (exactly, line breaks aside) and with pdf.js (its spaces are its own guesses, so without them).
 */
const HOLDERS = [
  { nameAr: 'نورة "لولوة" (الجوهرة) ٢٠٢٦', nameEn: 'Noura "Lulwa" (Aljawhara) 2026' },
  { nameAr: 'عبدُ اللهِ بنُ سلامٍ آل الشيخ', nameEn: 'Abdullah Salam Al-Sheikh' },
  { nameAr: 'لمى عبدالإله «الفلاني» الشهري', nameEn: 'Lama Abdulelah [Alfulani] Alshehri' },
  {
    nameAr: 'فاطمة الزهراء بنت عبدالرحمن بن عبدالعزيز بن محمد آل عبدالكريم القحطاني',
    nameEn: 'Fatimah Alzahraa Abdulrahman Abdulaziz Mohammed Al-Abdulkarim Al-Qahtani',
  },
];

const signer = loadCardSigner(null);
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const squeeze = (s: string) => s.replace(/\s+/g, '');
/** pdf.js cannot place a mark drawn first on a line (see extraction-order.test.ts): names ending in one are left to poppler. */
const pdfjsCan = (name: string) => !/\p{M}$/u.test(name);

async function expectNames(pdf: Uint8Array, names: string[], page?: number): Promise<void> {
  const text = oneLine(pdfText(pdf, page ? { page } : {}));
  for (const name of names) expect(text, name).toContain(name.normalize('NFKC'));
  expect(text).not.toMatch(/\)Aljawhara\(|\)الجوهرة\(/);
  const js = squeeze((await pdfjsLines(pdf, page)).join(''));
  for (const name of names.filter(pdfjsCan)) expect(js, `pdf.js: ${name}`).toContain(squeeze(name));
}

describe('hard names in every PDF the desk makes', () => {
  it('60-letter names are 60 letters and more', () => {
    expect(HOLDERS[3]!.nameAr.length).toBeGreaterThanOrEqual(60);
    expect(HOLDERS[3]!.nameEn.length).toBeGreaterThanOrEqual(60);
  });

  it('cards (front: both names, the category as it reads)', async () => {
    const cards = HOLDERS.map((h, i) =>
      testCard(signer, {
        ...h,
        idNumber: `10${i}2345678`,
        number: `C-2026-00000${i + 1}`,
        registrationNumber: '12RT0034567',
        profession: { ar: 'فني', en: 'Allied health' },
        specialty: { ar: 'مختبرات', en: 'Laboratory' },
        category: { ar: 'فني', en: 'Technician' },
      }),
    );
    const pdf = await cardsPdf(cards, 'cr80');
    for (const [i, h] of HOLDERS.entries()) {
      await expectNames(pdf, [h.nameAr, h.nameEn], i * 2 + 1);
      const front = oneLine(pdfText(pdf, { page: i * 2 + 1 }));
      for (const s of [
        'التصنيف: فني',
        'Category: Technician',
        'تاريخ الانتهاء: 2029/11/23 م',
        'Expires: 2029-11-23',
        'Registration No.: 12RT0034567',
      ])
        expect(front).toContain(s);
    }
  });

  it.each(['GOOD_STANDING', 'TRAINING_LETTER'] as const)('%s letters', async (service) => {
    for (const [i, h] of HOLDERS.entries()) {
      const pdf = await letterPdf(
        testLetter(signer, { ...h, ...PHARMACIST, idNumber: `10${i}2345678`, gender: 'female', service, facility: 'مستشفى الملك فهد (الرياض)' }),
      );
      await expectNames(pdf, [h.nameAr, h.nameEn]);
      // The Arabic commas keep the pieces of the sentence in order.
      expect(oneLine(pdfText(pdf))).toContain(
        `${h.nameAr.normalize('NFKC')}، صيدلة — صيدلة إكلينيكية، بتصنيف أخصائي، رقم التسجيل المهني 12RP0034567`,
      );
    }
  });

  it.each(['ar', 'en'] as const)('%s case reports', async (lang) => {
    for (const h of HOLDERS) {
      const d = detail();
      const pdf = await caseReportPdf(facts(lang, { detail: { ...d, applicant: { ...d.applicant, ...h } } }));
      await expectNames(pdf, [h.nameAr, h.nameEn]);
    }
  });
});
