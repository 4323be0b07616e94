import { countryName } from '../../../shared/country-name';
import { PDFDocument } from 'pdf-lib';
import { TERMS } from '../../../shared/domain/terms';
import {
  SERVICE_LABELS,
  categoryLabel,
  professionLabel,
  specialtyLabel,
  type CaseDetail,
  type CaseFinance,
  type Bilingual,
  actionLabel,
} from '../../../shared/domain';
import { ReportWriter } from './report-writer';
import { describeDocument } from './metadata';
import { savePdfA } from './pdf-a';
import { hijriDay } from '../time/hijri';
import { ltr } from './text/shape-line';
import { ruleTitle } from '../../../shared/domain/rule-titles';
import { historyReasonText } from '../../../shared/domain/history-reason';
import { ID_TYPE_LABELS } from './holder-facts';
import { RIYADH_TIME, calendarDate, riyadhDateTime } from '../time/riyadh-day';

export interface CaseReportFacts {
  detail: CaseDetail;
  finance: CaseFinance;
  lang: 'ar' | 'en';
  /** A staff copy carries internal notes; an applicant copy does not. */
  copy: 'staff' | 'applicant';
  printedBy: string;
  printedAt: Date;
  /** The last audit entry when the report was made: the chain position the report reflects. */
  auditHead: { seq: number; hash: string } | null;
}

const terms = TERMS as unknown as Record<string, Record<string, Bilingual>>;
const label = (group: string, key: string, lang: 'ar' | 'en') => terms[group]?.[key]?.[lang] ?? key;

/** A refund's state, worded as the Refunds page words it. */
const REFUND_STATUS: Record<string, Bilingual> = {
  requested: { ar: 'مطلوب', en: 'Requested' },
  computed: { ar: 'محسوب بانتظار الاعتماد', en: 'Computed, awaiting approval' },
  approved: { ar: 'معتمد بانتظار الصرف', en: 'Approved, awaiting payout' },
  paid: { ar: 'مصروف', en: 'Paid out' },
  superseded: { ar: 'ملغى', en: 'Superseded' },
};

/** 1234.5 as "1,234.50 ريال" / "1,234.50 SAR": the currency as the desk's screens write it. */
export const reportAmount = (sar: number, lang: 'ar' | 'en') =>
  `${sar.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${lang === 'ar' ? 'ريال' : 'SAR'}`;

/** The report of one request: who, what, the checks and why, notes, the decisions and who took them, money, and the files by hash. */
export async function caseReportPdf(f: CaseReportFacts): Promise<Uint8Array> {
  const { detail: c, lang } = f;
  const ar = lang === 'ar';
  const L = (b: Bilingual) => b[lang];
  // The desk works in Riyadh: every instant is shown on Riyadh's clock (said once, under the title,
  // and in the footer), every day is Riyadh's calendar day.
  const day = (iso: string) => {
    const d = calendarDate(iso);
    return ar ? `${d} م (${hijriDay(d)} هـ)` : `${d} (${hijriDay(d)} AH)`;
  };
  // Every time says its zone: the desk's clock is Riyadh's, whoever reads the report and wherever.
  const time = (instant: Date | string) =>
    ar ? `${riyadhDateTime(instant)} ${RIYADH_TIME.ar}` : `${riyadhDateTime(instant)} ${RIYADH_TIME.en} (UTC+3)`;
  const id = (s: string) => (ar ? ltr(s) : s);
  const sar = (n: number) => reportAmount(n, lang);

  const doc = await PDFDocument.create();
  describeDocument(doc, { title: `${ar ? 'تقرير الطلب' : 'Case report'} ${c.reference}`, subject: 'Case report', now: f.printedAt });
  const w = await ReportWriter.create(doc, lang);
  w.title(
    `${ar ? 'تقرير الطلب' : 'Case report'} ${id(c.reference)}`,
    `${L(TERMS.commission)} · ${L(SERVICE_LABELS[c.service])} · ${f.copy === 'staff' ? (ar ? 'نسخة الموظفين' : 'Staff copy') : ar ? 'نسخة مقدم الطلب' : 'Applicant copy'} · ${ar ? `الأوقات ${RIYADH_TIME.ar}` : `times are ${RIYADH_TIME.en} (UTC+3)`}`,
  );

  w.heading(ar ? 'الطلب' : 'Request');
  w.fields([
    [ar ? 'رقم الطلب' : 'Reference', id(c.reference)],
    [ar ? 'الحالة' : 'Status', label('statuses', c.status, lang)],
    [ar ? 'الخدمة' : 'Service', L(SERVICE_LABELS[c.service])],
    [ar ? 'تاريخ التقديم' : 'Submitted', day(c.submittedAt)],
    [ar ? 'المستلم' : 'Assignee', c.assignee?.displayName ?? (ar ? 'غير مستلم' : 'Unassigned')],
    [ar ? 'العمر (أيام عمل)' : 'Age (working days)', String(c.ageDays)],
    [ar ? 'إصدار السياسة' : 'Policy version', `${c.policyVersion}${c.policySample ? (ar ? ' (قيم تجريبية)' : ' (sample values)') : ''}`],
    [ar ? 'مهلة الرد' : 'Response due', c.returnDueAt ? day(c.returnDueAt) : '—'],
  ]);

  const a = c.applicant;
  w.heading(ar ? 'مقدم الطلب' : 'Applicant');
  w.fields([
    [ar ? 'الاسم بالعربية' : 'Name (Arabic)', a.nameAr],
    [ar ? 'الاسم بالإنجليزية' : 'Name (English)', a.nameEn],
    [ar ? 'نوع الهوية' : 'ID type', (ID_TYPE_LABELS[a.idType] ?? { ar: a.idType, en: a.idType })[lang]],
    [ar ? 'رقم الهوية' : 'ID number', id(a.idNumber)],
    [ar ? 'الجنسية' : 'Nationality', countryName(a.nationality, ar ? 'ar' : 'en')],
    [ar ? 'تاريخ الميلاد' : 'Birth date', a.birthDate],
    [ar ? 'المهنة' : 'Profession', L(professionLabel(a.profession))],
    [ar ? 'التخصص' : 'Specialty', L(specialtyLabel(a.specialty))],
    [ar ? 'التصنيف' : 'Category', L(categoryLabel(a.category))],
    [ar ? 'رقم التسجيل' : 'Registration no.', a.registrationNumber ? id(a.registrationNumber) : '—'],
    // Withheld from the printer's roles (auth/visibility.ts): said so, never left to look blank.
    ...((c.withheld ?? []).includes('contact')
      ? [[ar ? 'بيانات التواصل' : 'Contact', ar ? 'لا تعرض لدورك' : 'not shown to your role'] as [string, string]]
      : [[ar ? 'البريد الإلكتروني' : 'E-mail', id(a.email)] as [string, string], [ar ? 'الجوال' : 'Mobile', id(a.mobile)] as [string, string]]),
  ]);

  w.heading(ar ? 'الشروط' : 'Checks');
  w.table(
    [
      { title: ar ? 'الشرط' : 'Rule', width: 1.6 },
      { title: ar ? 'النتيجة' : 'Outcome', width: 1 },
      { title: ar ? 'السبب' : 'Explanation', width: 3.4 },
      { title: ar ? 'المصدر' : 'Source', width: 0.9 },
    ],
    // The rule by the title the Checks panel shows (its id is the handbook's key, not a reader's word),
    // its source as the panel words it (seed articles, or the handbook's decision) in the report's language.
    c.checks.map((k) => [ruleTitle(k.rule)[lang], label('outcomes', k.outcome, lang), k.explanation[lang], k.sourceLabel[lang]]),
  );

  const notes = c.notes.filter((n) => f.copy === 'staff' || n.kind !== 'internal');
  w.heading(ar ? 'الملاحظات' : 'Notes');
  if (notes.length === 0) w.paragraph(ar ? 'لا توجد ملاحظات.' : 'No notes.', { muted: true });
  else
    w.table(
      [
        { title: ar ? 'الوقت' : 'Time', width: 1.3, ltr: !ar },
        { title: ar ? 'النوع' : 'Kind', width: 1.1 },
        { title: ar ? 'الكاتب' : 'By', width: 1.2 },
        { title: ar ? 'النص' : 'Text', width: 4 },
      ],
      notes.map((n) => [
        time(n.at),
        n.kind === 'from_applicant' ? (ar ? 'من الممارس' : 'From applicant') : label('note_kinds', n.kind, lang),
        n.author ?? (ar ? 'الممارس' : 'Applicant'),
        n.text,
      ]),
    );

  w.heading(ar ? 'سجل القرارات' : 'Timeline of decisions');
  w.table(
    [
      { title: ar ? 'الوقت' : 'Time', width: 1.3, ltr: !ar },
      { title: ar ? 'الإجراء' : 'Action', width: 1.4 },
      { title: ar ? 'من' : 'From', width: 1.3 },
      { title: ar ? 'إلى' : 'To', width: 1.3 },
      { title: ar ? 'بواسطة' : 'By', width: 1.2 },
      { title: ar ? 'السبب' : 'Reason', width: 2 },
    ],
    c.history.map((h) => [
      time(h.at),
      actionLabel(h.action)[lang],
      h.fromStatus ? label('statuses', h.fromStatus, lang) : '—',
      label('statuses', h.toStatus, lang),
      h.actor ?? (ar ? 'النظام / الممارس' : 'System / applicant'),
      historyReasonText(h, lang) ?? '',
    ]),
  );

  w.heading(ar ? 'المدفوعات والمبالغ المستردة' : 'Payments and refunds');
  const money: string[][] = [];
  for (const inv of f.finance.invoices) {
    const due = inv.lines.reduce((s, l) => s + l.amount, 0);
    money.push([ar ? 'فاتورة' : 'Invoice', id(inv.number), calendarDate(inv.issuedAt), sar(due), '']);
    for (const p of inv.payments)
      money.push([ar ? 'سداد' : 'Payment', id(p.reference), calendarDate(p.paidAt), sar(p.amount), label('payment_channels', p.channel, lang)]);
  }
  for (const r of f.finance.refunds)
    money.push([
      ar ? 'استرداد' : 'Refund',
      id(r.invoiceNumber),
      ((at) => (at ? calendarDate(at) : '—'))(r.paidAt ?? r.computedAt ?? r.requestedAt),
      r.result ? sar(r.result.total) : '—',
      (REFUND_STATUS[r.status] ?? { ar: r.status, en: r.status })[lang],
    ]);
  if (money.length === 0) w.paragraph(ar ? 'لا توجد فواتير.' : 'No invoices.', { muted: true });
  else
    w.table(
      [
        { title: ar ? 'البند' : 'Item', width: 1 },
        { title: ar ? 'الرقم' : 'Number', width: 1.6, ltr: true },
        { title: ar ? 'التاريخ' : 'Date', width: 1.1, ltr: true },
        { title: ar ? 'المبلغ' : 'Amount', width: 1.2 },
        { title: ar ? 'التفاصيل' : 'Details', width: 1.6 },
      ],
      money,
    );

  w.heading(ar ? 'المرفقات' : 'Attachments');
  w.table(
    [
      { title: ar ? 'النوع' : 'Kind', width: 1.4 },
      { title: ar ? 'الملف' : 'File', width: 1.6, ltr: true },
      { title: ar ? 'الإصدار' : 'Version', width: 0.6 },
      { title: 'SHA-256', width: 4.2, ltr: true },
    ],
    c.attachments.map((at) => [label('attachment_kinds', at.kind, lang), at.fileName, String(at.version), at.sha256]),
    { size: 7.5 },
  );

  const head = f.auditHead ? `${f.auditHead.seq} (${f.auditHead.hash.slice(0, 12)})` : '—';
  w.finish(
    ar
      ? `طبع في ${time(f.printedAt)} بواسطة ${f.printedBy} · يعكس سجل التدقيق حتى القيد ${head}`
      : `Printed ${time(f.printedAt)} by ${f.printedBy} · reflects the audit chain up to entry ${head}`,
  );
  return savePdfA(doc);
}
