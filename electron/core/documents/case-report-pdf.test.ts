import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { caseReportPdf } from './case-report-pdf';
import { detail, facts } from './testing/case-report-facts';
import { ReportWriter } from './report-writer';
import { pdfText, qpdfCheck } from './testing/pdf-tools';

const oneLine = (s: string) => s.replace(/\s+/g, ' ');

describe('the case report', () => {
  it('Arabic: every time on Riyadh clock, said once; the footer too; dates read back in reading order; ريال', async () => {
    const pdf = await caseReportPdf(facts('ar'));
    expect(qpdfCheck(pdf).ok).toBe(true);
    const text = oneLine(pdfText(pdf));
    expect(text).toContain('الأوقات بتوقيت الرياض');
    // Checks by their Arabic title, never the rule's id.
    expect(text).toContain('فترة التجديد');
    expect(text).not.toContain('RENEWAL-WINDOW');
    // 22:53 UTC on the 22nd is 01:53 on the 23rd in Riyadh; no UTC time is left.
    expect(text).toContain('2026-11-23 01:53');
    expect(text).not.toContain('22:53');
    expect(text).toContain('2026-11-23 09:05'); // the note
    expect(text).toContain('2026-12-01 00:32'); // printed at
    expect(text).toContain('بتوقيت الرياض بواسطة مشرف النظام');
    expect(text).toContain('2026-11-23 01:53 بتوقيت الرياض'); // each time in the tables says its zone
    // Submitted 21:30 UTC on the 21st: the 22nd in Riyadh. Invoiced 22:10 UTC on the 24th: the 25th.
    expect(text).toContain('2026-11-22 م');
    expect(text).toContain('2026-11-25');
    // Hyphenated dates inside Arabic sentences come back as written, never reversed.
    for (const d of ['2026-11-22', '2026-11-25', '2027-02-25']) expect(text).toContain(d);
    for (const reversed of ['22-11-2026', '25-11-2026', '25-02-2027', '23-11-2026']) expect(text).not.toContain(reversed);
    expect(text).toContain('قبل فتح نافذة التجديد في');
    expect(text).toContain('1,350.00');
    expect(text).toContain('ريال');
    expect(text).not.toContain('ر.س');
  });

  it('English: every time on Riyadh clock with its zone, under the title, in the tables and in the footer', async () => {
    const pdf = await caseReportPdf(facts('en'));
    const text = oneLine(pdfText(pdf));
    expect(text).toContain('times are Riyadh time (UTC+3)');
    expect(text).toContain('Renewal window');
    expect(text).not.toContain('RENEWAL-WINDOW');
    expect(text).toContain('2026-11-23 01:53 Riyadh time (UTC+3)');
    expect(text).toContain('Printed 2026-12-01 00:32 Riyadh time (UTC+3) by');
    expect(text).toContain('2026-11-22 (1448/06/12 AH)');
    expect(text).toContain('1,350.00 SAR');
  });

  it.each(['ar', 'en'] as const)('%s: a 60-letter name wraps in its field, whole, never shrunk or cut', async (lang) => {
    const long = {
      nameAr: 'فاطمة الزهراء بنت عبدالرحمن بن عبدالعزيز آل عبدالكريم القحطاني',
      nameEn: 'Fatimah Alzahraa Abdulrahman Abdulaziz Mohammed Al-Abdulkarim Al-Qahtani',
    };
    const d = detail();
    const pdf = await caseReportPdf(facts(lang, { detail: { ...d, applicant: { ...d.applicant, ...long } } }));
    const text = oneLine(pdfText(pdf));
    expect(text).toContain(long.nameAr);
    expect(text).toContain(long.nameEn);
    expect(text).not.toContain('...');
    // Set at the fields' size (9 pt), on more than one line: pdftotext -bbox gives each word's height.
    const r = spawnSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', '-', '-'], { input: pdf });
    const words = [...r.stdout.toString().matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">[^<]*Qahtani[^<]*</g)];
    expect(words).toHaveLength(1);
    expect(Number(words[0]![2]) - Number(words[0]![1])).toBeGreaterThan(8);
  });

  it('a section heading is never left at the foot of a page without its table', async () => {
    // Timelines of every length push the sections after them through every place on the page.
    for (let rows = 20; rows <= 60; rows++) {
      const pdf = await caseReportPdf(facts('en', { detail: detail(rows) }));
      const pages = (await PDFDocument.load(pdf)).getPageCount();
      for (let p = 1; p <= pages; p++) {
        const lines = pdfText(pdf, { page: p })
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .filter((l) => !/^Printed |^Page \d+ of/.test(l));
        for (const heading of ['Payments and refunds', 'Attachments', 'Notes'])
          expect(lines.at(-1), `${rows} rows, page ${p} ends with the heading "${heading}"`).not.toBe(heading);
      }
    }
  }, 120_000);

  it('the writer keeps a heading with the first row of its table at every place on the page', async () => {
    // 54 filler lines fill a page: the heading lands at every place near its foot.
    for (let filler = 40; filler <= 56; filler++) {
      const doc = await PDFDocument.create();
      const w = await ReportWriter.create(doc, 'en');
      for (let i = 0; i < filler; i++) await w.paragraph(`filler line ${i}`);
      await w.heading('The heading');
      await w.table([{ title: 'Column', width: 1 }], [['first row'], ['second row']]);
      await w.finish('footer');
      const pdf = await doc.save();
      const pages = Array.from({ length: (await PDFDocument.load(pdf)).getPageCount() }, (_, i) => i + 1);
      const withHeading = pages.filter((p) => pdfText(pdf, { page: p }).includes('The heading'));
      expect(withHeading, `${filler} filler lines`).toHaveLength(1);
      expect(pdfText(pdf, { page: withHeading[0] })).toContain('first row');
    }
  }, 60_000);

  it('writes sample reports for people to look at (test-results/documents)', async () => {
    mkdirSync('test-results/documents', { recursive: true });
    for (const lang of ['ar', 'en'] as const)
      writeFileSync(`test-results/documents/case-report-${lang}.pdf`, await caseReportPdf(facts(lang, { detail: detail(26) })));
  });
});
