/** The applicant's e-mails, in Arabic and English, queued in the outbox with the decision. */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import TERMS from '../../../shared/domain/terms.json';
import type { RejectionReason } from '../../../shared/domain';

export type ApplicantNotice =
  | { kind: 'returned'; notes: string[]; dueAt: string }
  | { kind: 'approved' }
  | { kind: 'rejected'; reason: RejectionReason; text: string }
  | { kind: 'rerouted'; from: string; to: string };

export interface Recipient {
  requestId: number;
  reference: string;
  email: string;
  nameAr: string;
  nameEn: string;
}

/** Who the notice about `requestId` goes to: the applicant's address and names. */
export async function recipient(trx: Transaction<Database>, requestId: number): Promise<Recipient> {
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
    case 'rerouted':
      return {
        subject_ar: `تحويل طلبكم ${ref} إلى الخدمة الصحيحة`,
        subject_en: `Your request ${ref} has been moved to the right service`,
        body_ar: `السيد/ة ${to.nameAr}،\nقدم طلبكم رقم ${ref} على خدمة "${notice.from}"، وقد حول إلى خدمة "${notice.to}" لمتابعة دراسته دون الحاجة إلى تقديم جديد.`,
        body_en: `Dear ${to.nameEn},\nYour request ${ref} was filed as "${notice.from}"; it has been moved to "${notice.to}" and its review continues without a new application.`,
      };
    case 'rejected': {
      const reason = TERMS.rejection_reasons[notice.reason];
      return {
        subject_ar: `قرار بشأن طلبكم ${ref}`,
        subject_en: `Decision on your request ${ref}`,
        body_ar: `السيد/ة ${to.nameAr}،\nنأسف لإبلاغكم برفض طلبكم رقم ${ref}.\nالسبب: ${reason.ar}\n${notice.text}`,
        body_en: `Dear ${to.nameEn},\nWe regret that your request ${ref} has been rejected.\nReason: ${reason.en}\n${notice.text}`,
      };
    }
  }
}

export async function queueApplicantNotice(trx: Transaction<Database>, to: Recipient, notice: ApplicantNotice, at: string): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({ request_id: to.requestId, to_address: to.email, kind: notice.kind, ...compose(to, notice), created_at: at, sent_at: null })
    .execute();
}
