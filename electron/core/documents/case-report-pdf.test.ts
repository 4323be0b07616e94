import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { CaseDetail, CaseFinance } from '../../../shared/domain';
import { caseReportPdf, type CaseReportFacts } from './case-report-pdf';
import { ReportWriter } from './report-writer';
import { pdfText, qpdfCheck } from './pdf-tools';

/** A renewal filed before its window, approved, invoiced and part paid: times chosen so UTC and Riyadh fall on different days. */
function detail(historyRows = 4): CaseDetail {
  const applicant = {
    nameAr: 'سلطان بن محمد آل سعود',
    nameEn: 'Sultan Mohammed Al Saud',
    nationality: 'SA',
    idType: 'national_id' as const,
    idNumber: '1497573533',
    idExpiry: null,
    birthDate: '1988-07-25',
    gender: 'male' as const,
    email: 'sultan.278@example.com',
    mobile: '+966557250311',
    registrationNumber: '15RN4346925',
    profession: 'dentistry',
    specialty: 'endodontics',
    category: 'resident',
    card: null,
  };
  const history = Array.from({ length: historyRows }, (_, i) => ({
    id: i + 1,
    fromStatus: i === 0 ? null : ('in_review' as const),
    toStatus: i === 0 ? ('submitted' as const) : ('in_review' as const),
    action: i === 0 ? 'submit' : 'claim',
    // 22:53 UTC is 01:53 the next day in Riyadh.
    at: `2026-11-${String(22 + (i % 3)).padStart(2, '0')}T22:53:00.000Z`,
    actor: i === 0 ? null : 'خالد الدوسري',
    reason: null,
  }));
  return {
    id: 278,
    reference: 'REQ-2026-000278',
    service: 'RENEWAL',
    status: 'awaiting_payment',
    version: 5,
    submittedAt: '2026-11-21T21:30:00.000Z', // the 22nd in Riyadh
    ageDays: 6,
    assignee: null,
    returnDueAt: null,
    applicant,
    record: null,
    employer: { type: 'government', facility: 'King Abdulaziz Medical City' },
    notes: [{ id: 1, kind: 'internal', text: 'راجعت الشهادة في 2026-11-23 ولا ملاحظات', at: '2026-11-23T06:05:00.000Z', author: 'خالد الدوسري' }],
    history,
    audit: [],
    attachments: [
      {
        id: 1,
        kind: 'photo',
        fileName: 'photo-7.jpg',
        mime: 'image/jpeg',
        size: 1,
        sha256: 'c'.repeat(64),
        version: 1,
        issuedAt: null,
        uploadedAt: '2026-11-21T21:30:00.000Z',
      },
      {
        id: 2,
        kind: 'national_id',
        fileName: 'national_id-2.pdf',
        mime: 'application/pdf',
        size: 1,
        sha256: 'e'.repeat(64),
        version: 1,
        issuedAt: null,
        uploadedAt: '2026-11-21T21:30:00.000Z',
      },
    ],
    internshipCompleted: null,
    cpd: { recordedHours: 20, activities: [] },
    questionnaire: [],
    experiences: [],
    resubmission: null,
    checks: [
      {
        rule: 'RENEWAL-WINDOW',
        outcome: 'fail',
        explanation: {
          ar: 'قدم في 2026-11-22 قبل فتح نافذة التجديد في 2026-11-25 (البطاقة تنتهي 2027-02-25)',
          en: 'Filed on 2026-11-22, before the renewal window opens on 2026-11-25 (the card expires 2027-02-25)',
        },
        source: '003',
        sourceLabel: { ar: '003', en: '003' },
      },
    ],
    policyVersion: 1,
    policySample: true,
  };
}

const finance: CaseFinance = {
  invoices: [
    {
      id: 55,
      number: 'INV-2026-000055',
      issuedAt: '2026-11-24T22:10:00.000Z', // the 25th in Riyadh
      sadadBillNumber: '1260000551',
      dueOn: '2026-12-08',
      status: 'partially_paid',
      total: 1350,
      paid: 100,
      remaining: 1250,
      lines: [
        { kind: 'service', amount: 1000 },
        { kind: 'administrative', amount: 350 },
      ],
      payments: [],
      policyVersion: 1,
    },
  ],
  refunds: [],
};

const facts = (lang: 'ar' | 'en', over: Partial<CaseReportFacts> = {}): CaseReportFacts => ({
  detail: detail(),
  finance,
  lang,
  copy: 'staff',
  printedBy: 'مشرف النظام',
  printedAt: new Date('2026-11-30T21:32:00.000Z'), // 2026-12-01 00:32 in Riyadh
  auditHead: { seq: 562, hash: '05d59c0cc1b6'.padEnd(64, '0') },
  ...over,
});

const oneLine = (s: string) => s.replace(/\s+/g, ' ');

describe('the case report', () => {
  it('Arabic: every time on Riyadh clock, said once; the footer too; dates read back in reading order; ريال', async () => {
    const pdf = await caseReportPdf(facts('ar'));
    expect(qpdfCheck(pdf).ok).toBe(true);
    const text = oneLine(pdfText(pdf));
    expect(text).toContain('الأوقات بتوقيت الرياض');
    // 22:53 UTC on the 22nd is 01:53 on the 23rd in Riyadh; no UTC time is left.
    expect(text).toContain('2026-11-23 01:53');
    expect(text).not.toContain('22:53');
    expect(text).toContain('2026-11-23 09:05'); // the note
    expect(text).toContain('2026-12-01 00:32'); // printed at
    expect(text).toContain('بتوقيت الرياض بواسطة مشرف النظام');
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

  it('English: Riyadh time said once under the title and in the footer', async () => {
    const pdf = await caseReportPdf(facts('en'));
    const text = oneLine(pdfText(pdf));
    expect(text).toContain('times are Riyadh time (UTC+3)');
    expect(text).toContain('2026-11-23 01:53');
    expect(text).toContain('Printed 2026-12-01 00:32 Riyadh time by');
    expect(text).toContain('2026-11-22 (1448/06/12 AH)');
    expect(text).toContain('1,350.00 SAR');
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
