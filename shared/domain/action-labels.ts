import TERMS from './terms.json';
import type { Bilingual } from './terms';

/** Every step a request's history can show, in both languages (terms.json's actions first, then the desk's own). */
export const ACTION_LABELS: Record<string, Bilingual> = {
  submit: { ar: 'تقديم الطلب', en: 'Submitted' },
  claim: TERMS.actions.claim,
  release: TERMS.actions.release,
  return_to_applicant: TERMS.actions.return,
  resubmit: { ar: 'إعادة تقديم', en: 'Resubmitted' },
  expire_return: { ar: 'رفض لانقضاء مهلة الرد', en: 'Rejected: no response in time' },
  approve: TERMS.actions.approve,
  countersign: { ar: 'اعتماد ثانٍ', en: 'Countersigned' },
  send_back: { ar: 'إعادة إلى المراجع', en: 'Sent back to the reviewer' },
  request_payment: { ar: 'طلب سداد الرسوم', en: 'Payment requested' },
  record_payment: { ar: 'تسجيل السداد', en: 'Payment recorded' },
  issue_document: { ar: 'إصدار الوثيقة', en: 'Document issued' },
  no_fee: { ar: 'لا رسوم مستحقة', en: 'Nothing to pay' },
  expire_invoice: { ar: 'رفض لعدم السداد في المهلة', en: 'Rejected: not paid by the due date' },
  answer: TERMS.actions.answer,
  print_card: TERMS.actions.print_card,
  record_delivery: TERMS.actions.record_delivery,
  reject: TERMS.actions.reject,
  withdraw: { ar: 'سحب الطلب', en: 'Withdrawn' },
  reassign: TERMS.actions.reassign,
  reroute: TERMS.actions.reroute,
};

export const actionLabel = (action: string): Bilingual =>
  ACTION_LABELS[action] ?? { ar: action.replaceAll('_', ' '), en: action.replaceAll('_', ' ') };
