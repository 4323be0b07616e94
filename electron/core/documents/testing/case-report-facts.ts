import type { CaseDetail, CaseFinance } from '../../../../shared/domain/index';
import type { CaseReportFacts } from '../case-report-pdf';

/** A renewal filed before its window, approved, invoiced and part paid: times chosen so UTC and Riyadh fall on different days. */
export function detail(historyRows = 4): CaseDetail {
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
    profession: 'dentist',
    specialty: 'Endodontics',
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
    reasonCode: null,
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
    // The report prints the request, not what its reader may do to it.
    actions: [],
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

export const facts = (lang: 'ar' | 'en', over: Partial<CaseReportFacts> = {}): CaseReportFacts => ({
  detail: detail(),
  finance,
  lang,
  copy: 'staff',
  printedBy: 'مشرف النظام',
  printedAt: new Date('2026-11-30T21:32:00.000Z'), // 2026-12-01 00:32 in Riyadh
  auditHead: { seq: 562, hash: '05d59c0cc1b6'.padEnd(64, '0') },
  ...over,
});
