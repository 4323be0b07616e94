/** The applicant's e-mails, in Arabic and English, queued in the outbox with the decision. */
import type { Transaction } from 'kysely';
import type { Database, RequestRow } from '../db/schema';
import { TERMS } from '../../../shared/domain/terms';
import type { Bilingual, RejectionReason } from '../../../shared/domain';
import { longDate } from '../time/hijri';
import { randomUUID } from 'node:crypto';

export type ApplicantNotice =
  | { kind: 'returned'; notes: string[]; dueAt: string }
  | { kind: 'approved' }
  /** Approved with an invoice to pay: one message with the bill number, the amount and the due date. */
  | { kind: 'approved_invoice'; invoice: NoticeInvoice }
  /** Approved with nothing to pay: the card goes to printing, or the document is issued. */
  | { kind: 'approved_no_fee'; next: 'card' | 'document'; exemption: { ar: string; en: string } | null }
  /** The invoice is paid in full: the card goes to printing, or the document is issued. */
  | { kind: 'paid'; next: 'card' | 'document'; invoiceNumber: string }
  /** INQUIRY: the answer is the message; the request is closed. */
  | { kind: 'answered'; text: string }
  /** `invoice`: rejected as unpaid, the invoice named with its numbers and due date. */
  | { kind: 'rejected'; reason: RejectionReason; text: string; invoice?: UnpaidInvoice }
  | { kind: 'rerouted'; from: string; to: string }
  /** The CPD audit is complete: each activity accepted or refused with its reason, and the hours recognised. */
  | {
      kind: 'cpd_audit';
      activities: Array<{ title: string; date: string; hours: number; accepted: boolean; reason: Bilingual }>;
      recognisedHours: number;
      requiredHours: number | null;
    };

export interface NoticeInvoice {
  number: string;
  sadadBillNumber: string;
  totalHalalas: number;
  dueOn: string;
  lines: Array<{ kind: string; amountHalalas: number }>;
}

/** The invoice a request was rejected for not paying. */
export interface UnpaidInvoice {
  number: string;
  sadadBillNumber: string | null;
  /** YYYY-MM-DD; null only on invoices written before due days were recorded. */
  dueOn: string | null;
}

/**
 * A day in both calendars, as the commission's letters write it: Umm al-Qura first in Arabic
 * ("13 جمادى الآخرة 1448 هـ الموافق 23 نوفمبر 2026 م"), Gregorian first in English. Month
 * names, not 2026-11-23: an Arabic mail reader would show a hyphenated date back to front.
 */
export function bothCalendars(day: string): Bilingual {
  const ar = longDate(day, 'ar');
  const en = longDate(day, 'en');
  return { ar: `${ar.hijri} الموافق ${ar.gregorian}`, en: `${en.gregorian} (${en.hijri})` };
}

/** 1234.5 SAR as "1,234.50": the amount with its halalas, as the applicant pays it. */
export const sarAmount = (halalas: number) => (halalas / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const FEE_LINE: Record<string, { ar: string; en: string }> = {
  service: { ar: 'رسوم الخدمة', en: 'Service fee' },
  administrative: { ar: 'الرسوم الإدارية', en: 'Administrative fee' },
  late: { ar: 'غرامة التأخير', en: 'Late fee' },
};
const NEXT = {
  card: {
    ar: 'ستحال بطاقتكم إلى الطباعة، ويبلغكم مركز الطباعة عند جاهزيتها للتسليم.',
    en: 'Your card now goes to printing; the print centre will tell you when it is ready for delivery.',
  },
  document: {
    ar: 'صدرت وثيقتكم، ويمكنكم تحميلها من ممارس بلس.',
    en: 'Your document has been issued; you can download it from Mumaris Plus.',
  },
};

export interface Recipient {
  requestId: number;
  reference: string;
  email: string;
  nameAr: string;
  nameEn: string;
}

/**
 * Who the notice about the request goes to: the applicant's address and names. Given the row a decision has
 * already read in this transaction, only the practitioner is read.
 */
export async function recipient(
  trx: Transaction<Database>,
  request: number | Pick<RequestRow, 'id' | 'reference' | 'practitioner_id'>,
): Promise<Recipient> {
  if (typeof request !== 'number') {
    const p = await trx
      .selectFrom('practitioners')
      .select(['email', 'name_ar', 'name_en'])
      .where('id', '=', request.practitioner_id)
      .executeTakeFirstOrThrow();
    return { requestId: request.id, reference: request.reference, email: p.email, nameAr: p.name_ar, nameEn: p.name_en };
  }
  const requestId = request;
  const r = await trx
    .selectFrom('requests')
    .innerJoin('practitioners', 'practitioners.id', 'requests.practitioner_id')
    .select(['requests.id', 'requests.reference', 'practitioners.email', 'practitioners.name_ar', 'practitioners.name_en'])
    .where('requests.id', '=', requestId)
    .executeTakeFirstOrThrow();
  return { requestId: r.id, reference: r.reference, email: r.email, nameAr: r.name_ar, nameEn: r.name_en };
}

function compose(to: Recipient, notice: ApplicantNotice) {
  const ref = to.reference;
  switch (notice.kind) {
    case 'returned':
      return {
        subject_ar: `طلبكم ${ref}: مطلوب استكمال النواقص`,
        subject_en: `Your request ${ref}: more information needed`,
        body_ar: `السيد/ة ${to.nameAr}،\nأعيد طلبكم رقم ${ref} لاستكمال ما يلي:\n${notice.notes.map((n) => `- ${n}`).join('\n')}\nيرجى إعادة التقديم عبر ممارس بلس قبل ${notice.dueAt}، وإلا يرفض الطلب لعدم الاستجابة.`,
        body_en: `Dear ${to.nameEn},\nYour request ${ref} has been returned for the following:\n${notice.notes.map((n) => `- ${n}`).join('\n')}\nPlease resubmit on Mumaris Plus by ${notice.dueAt}; otherwise the request will be rejected for no response.`,
      };
    case 'approved':
      return {
        subject_ar: `تم اعتماد طلبكم ${ref}`,
        subject_en: `Your request ${ref} has been approved`,
        body_ar: `السيد/ة ${to.nameAr}،\nتم اعتماد طلبكم رقم ${ref}. ستصلكم الخطوات التالية عبر ممارس بلس.`,
        body_en: `Dear ${to.nameEn},\nYour request ${ref} has been approved. The next steps will follow on Mumaris Plus.`,
      };
    case 'approved_invoice': {
      const inv = notice.invoice;
      const total = sarAmount(inv.totalHalalas);
      const due = bothCalendars(inv.dueOn);
      const lines = (lang: 'ar' | 'en') =>
        inv.lines
          .map((l) => `- ${(FEE_LINE[l.kind] ?? { ar: l.kind, en: l.kind })[lang]}: ${sarAmount(l.amountHalalas)} ${lang === 'ar' ? 'ريال' : 'SAR'}`)
          .join('\n');
      return {
        subject_ar: `تم اعتماد طلبكم ${ref}: فاتورة سداد رقم ${inv.sadadBillNumber}`,
        subject_en: `Your request ${ref} has been approved: SADAD bill ${inv.sadadBillNumber}`,
        body_ar: `السيد/ة ${to.nameAr}،\nتم اعتماد طلبكم رقم ${ref}. لإتمامه يرجى سداد الفاتورة ${inv.number}:\nرقم فاتورة سداد: ${inv.sadadBillNumber}\nالمبلغ: ${total} ريال سعودي\n${lines('ar')}\nآخر موعد للسداد: ${due.ar}\nإذا لم تسدد الفاتورة حتى هذا التاريخ يرفض الطلب لعدم السداد.`,
        body_en: `Dear ${to.nameEn},\nYour request ${ref} has been approved. To complete it, please pay invoice ${inv.number}:\nSADAD bill number: ${inv.sadadBillNumber}\nAmount: SAR ${total}\n${lines('en')}\nDue date: ${due.en}\nIf the invoice is not paid by that date, the request will be rejected as unpaid.`,
      };
    }
    case 'approved_no_fee': {
      const why = notice.exemption
        ? { ar: `لا رسوم عليكم (${notice.exemption.ar}).`, en: `You have nothing to pay (${notice.exemption.en}).` }
        : { ar: 'لا رسوم على هذه الخدمة.', en: 'This service has no fee.' };
      return {
        subject_ar: `تم اعتماد طلبكم ${ref}`,
        subject_en: `Your request ${ref} has been approved`,
        body_ar: `السيد/ة ${to.nameAr}،\nتم اعتماد طلبكم رقم ${ref}. ${why.ar}\n${NEXT[notice.next].ar}`,
        body_en: `Dear ${to.nameEn},\nYour request ${ref} has been approved. ${why.en}\n${NEXT[notice.next].en}`,
      };
    }
    case 'paid':
      return {
        subject_ar: `تم استلام سداد طلبكم ${ref}`,
        subject_en: `Payment received for your request ${ref}`,
        body_ar: `السيد/ة ${to.nameAr}،\nاستلمنا سداد الفاتورة ${notice.invoiceNumber} لطلبكم رقم ${ref} كاملاً.\n${NEXT[notice.next].ar}`,
        body_en: `Dear ${to.nameEn},\nWe have received payment in full of invoice ${notice.invoiceNumber} for your request ${ref}.\n${NEXT[notice.next].en}`,
      };
    case 'answered':
      return {
        subject_ar: `الرد على طلبكم ${ref}`,
        subject_en: `Our answer to your request ${ref}`,
        body_ar: `السيد/ة ${to.nameAr}،\nشكراً لتواصلكم معنا بشأن طلبكم رقم ${ref}. ردنا:\n${notice.text}\nأغلق الطلب بهذا الرد.`,
        body_en: `Dear ${to.nameEn},\nThank you for contacting us about your request ${ref}. Our answer:\n${notice.text}\nThe request is closed with this answer.`,
      };
    case 'rerouted':
      return {
        subject_ar: `تحويل طلبكم ${ref} إلى الخدمة الصحيحة`,
        subject_en: `Your request ${ref} has been moved to the right service`,
        body_ar: `السيد/ة ${to.nameAr}،\nقدم طلبكم رقم ${ref} على خدمة "${notice.from}"، وقد حول إلى خدمة "${notice.to}" لمتابعة دراسته دون الحاجة إلى تقديم جديد.`,
        body_en: `Dear ${to.nameEn},\nYour request ${ref} was filed as "${notice.from}"; it has been moved to "${notice.to}" and its review continues without a new application.`,
      };
    case 'cpd_audit': {
      const lines = (lang: 'ar' | 'en') =>
        notice.activities
          .map((a) =>
            lang === 'ar'
              ? `- ${a.title} (${a.date}، ${a.hours} ساعة): ${a.accepted ? 'مقبول' : 'مرفوض'} — ${a.reason.ar}`
              : `- ${a.title} (${a.date}, ${a.hours} hours): ${a.accepted ? 'accepted' : 'refused'} — ${a.reason.en}`,
          )
          .join('\n');
      const need = notice.requiredHours;
      return {
        subject_ar: `نتيجة تدقيق ساعات التطوير المهني لطلبكم ${ref}`,
        subject_en: `CPD audit result for your request ${ref}`,
        body_ar: `السيد/ة ${to.nameAr}،\nاختير طلبكم رقم ${ref} لتدقيق ساعات التطوير المهني المستمر، وهذه نتيجته:\n${lines('ar')}\nالساعات المعتمدة: ${notice.recognisedHours}${need !== null ? ` من ${need} ساعة مطلوبة` : ''}.`,
        body_en: `Dear ${to.nameEn},\nYour request ${ref} was selected for an audit of its continuing professional development (CPD) hours. The result:\n${lines('en')}\nRecognised hours: ${notice.recognisedHours}${need !== null ? ` of the ${need} required` : ''}.`,
      };
    }
    case 'rejected': {
      const reason = TERMS.rejection_reasons[notice.reason];
      const details = notice.invoice ? unpaidDetails(notice.invoice) : { ar: [], en: [] };
      const body = (lines: string[]) => [...lines, notice.text].filter((l) => l !== '').join('\n');
      return {
        subject_ar: `قرار بشأن طلبكم ${ref}`,
        subject_en: `Decision on your request ${ref}`,
        body_ar: body([`السيد/ة ${to.nameAr}،`, `نأسف لإبلاغكم برفض طلبكم رقم ${ref}.`, `السبب: ${reason.ar}`, ...details.ar]),
        body_en: body([`Dear ${to.nameEn},`, `We regret that your request ${ref} has been rejected.`, `Reason: ${reason.en}`, ...details.en]),
      };
    }
  }
}

/** The unpaid invoice, one labelled line each: what the applicant would quote to the commission. */
function unpaidDetails(inv: UnpaidInvoice): { ar: string[]; en: string[] } {
  const due = inv.dueOn ? bothCalendars(inv.dueOn) : null;
  const bill = inv.sadadBillNumber;
  return {
    ar: [`رقم الفاتورة: ${inv.number}`, ...(bill ? [`رقم فاتورة سداد: ${bill}`] : []), ...(due ? [`تاريخ الاستحقاق: ${due.ar}`] : [])],
    en: [`Invoice number: ${inv.number}`, ...(bill ? [`SADAD bill number: ${bill}`] : []), ...(due ? [`Due date: ${due.en}`] : [])],
  };
}

/** The notices that announce the issued document: its letter goes with the e-mail. */
function announcedPdf(notice: ApplicantNotice): 'letter' | null {
  return (notice.kind === 'approved_no_fee' || notice.kind === 'paid') && notice.next === 'document' ? 'letter' : null;
}

/**
 * Queues the notice in the outbox as one e-mail. Its Message-ID (<outbox-ID.uuid@mumaris-desk>) is
 * made here and every try repeats it, so a relay can tell a retry from a new message. The SMS copy
 * is made by the delivery worker when it first takes the e-mail and an SMS gateway is set
 * (delivery/claim.ts): a desk without a gateway keeps no SMS it could never send.
 */
export async function queueApplicantNotice(trx: Transaction<Database>, to: Recipient, notice: ApplicantNotice, at: string): Promise<void> {
  const token = randomUUID();
  const { id } = await trx
    .insertInto('outbox')
    .values({
      request_id: to.requestId,
      to_address: to.email,
      kind: notice.kind,
      ...compose(to, notice),
      created_at: at,
      sent_at: null,
      channel: 'email',
      attachment: announcedPdf(notice),
      // Replaced just below, once the row's id is known: unique meanwhile.
      message_id: `<outbox-new.${token}@mumaris-desk>`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('outbox')
    .set({ message_id: outboxMessageId(id, token) })
    .where('id', '=', id)
    .execute();
}

export const outboxMessageId = (id: number, token: string) => `<outbox-${id}.${token}@mumaris-desk>`;
