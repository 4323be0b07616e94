/**
 * The refund calculator of rules.md, step by step. Pure: RefundFacts and the
 * policy in, every refunded line and every denial out, each explained.
 * Amounts are SAR in and out; the arithmetic runs in halalas.
 */
import type { Bilingual, Service } from '../../../shared/domain';
import type { Policy } from '../../../shared/domain/policy';
import { calendarDate } from '../time/riyadh-day';
import { plusMonths } from '../time/day-arithmetic';
import type { FeeKind, RefundDenial, RefundFacts, RefundLine, RefundResult } from './types';

const EXEMPT_SERVICES: readonly Service[] = [
  'CLASSIFICATION_INSIDE',
  'CLASSIFICATION_OUTSIDE',
  'REGISTRATION',
  'RECLASSIFICATION',
  'REREGISTRATION',
  'RENEWAL',
];
const LATE_PRIOR_SERVICES: readonly Service[] = ['REREGISTRATION', 'RENEWAL'];

const FEE_AR: Record<FeeKind | 'payment', string> = {
  service: 'رسوم الخدمة',
  late: 'غرامة التأخير',
  administrative: 'الرسوم الإدارية',
  payment: 'الدفعة',
};
const FEE_EN: Record<FeeKind | 'payment', string> = {
  service: 'service fee',
  late: 'late fee',
  administrative: 'administrative fee',
  payment: 'payment',
};

/** Half away from zero, to the halala; the epsilon absorbs binary noise such as 0.5 stored as 0.49999…. */
export function roundHalala(halalas: number): number {
  return Math.sign(halalas) * Math.floor(Math.abs(halalas) + 0.5 + 1e-9);
}
const toHalalas = (sar: number) => roundHalala(sar * 100);
const toSar = (halalas: number) => halalas / 100;
const sar = (halalas: number) => toSar(roundHalala(halalas)).toFixed(2);

type DenialRule = 'RF-WINDOW' | 'RF-SUBMISSION-WINDOW' | 'RF-STUDIED' | 'RF-EVALUATION' | 'RF-NO-RESPONSE';

export function computeRefund(f: RefundFacts, policy: Policy): RefundResult {
  const lines: RefundLine[] = [];
  const denials: RefundDenial[] = [];
  const requested = calendarDate(f.requestedAt);
  const windowEnd = (paidAt: string) => plusMonths(calendarDate(paidAt), policy.refundWindowMonths);
  const within = (p: { paidAt: string }) => requested <= windowEnd(p.paidAt);

  const line = (rule: string, paymentId: string, feeKind: FeeKind | 'payment', baseH: number, amountH: number, explanation: Bilingual) =>
    lines.push({ rule, paymentId, feeKind, base: toSar(roundHalala(baseH)), amount: toSar(roundHalala(amountH)), explanation });
  const deny = (rule: string, paymentId: string | null, feeKind: FeeKind | 'payment' | null, baseH: number, explanation: Bilingual) =>
    denials.push({ rule, paymentId, feeKind, base: toSar(roundHalala(baseH)), explanation });
  const windowDenial = (p: { id: string; paidAt: string }, feeKind: FeeKind | 'payment', baseH: number) =>
    deny('RF-WINDOW', p.id, feeKind, baseH, {
      ar: `طلب الاسترداد في ${requested} بعد انتهاء المهلة في ${windowEnd(p.paidAt)} (${policy.refundWindowMonths} شهر من الدفع ${calendarDate(p.paidAt)})`,
      en: `Requested ${requested}, after the window closed on ${windowEnd(p.paidAt)} (${policy.refundWindowMonths} month(s) from payment ${calendarDate(p.paidAt)})`,
    });

  // 1. No payment, nothing to refund.
  if (f.payments.length === 0) {
    deny('RF-NO-PAYMENT', null, null, 0, { ar: 'لا توجد دفعة مسجلة لهذه الفاتورة', en: 'No payment is recorded for this invoice' });
    return { currency: 'SAR', total: 0, lines, denials };
  }

  // 2. The first payment pays the invoice; a short one pays each line its share.
  const payments = [...f.payments].sort((a, b) =>
    calendarDate(a.paidAt) === calendarDate(b.paidAt)
      ? a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0
      : calendarDate(a.paidAt) < calendarDate(b.paidAt)
        ? -1
        : 1,
  );
  const p1 = payments[0]!;
  const p1H = toHalalas(p1.amount);
  const dueH = f.invoice.lines.reduce((s, l) => s + toHalalas(l.amount), 0);
  const share = dueH > 0 && p1H < dueH ? p1H / dueH : 1;

  // 3. Overpayment is never a fee: returned in full within the window.
  if (p1H > dueH) {
    const excess = p1H - dueH;
    if (within(p1))
      line('RF-OVERPAYMENT', p1.id, 'payment', excess, excess, {
        ar: `دفع ${sar(p1H)} ريال والمستحق ${sar(dueH)}؛ يرد الفرق ${sar(excess)} كاملاً`,
        en: `Paid SAR ${sar(p1H)} against SAR ${sar(dueH)} due; the excess SAR ${sar(excess)} is refunded in full`,
      });
    else windowDenial(p1, 'payment', excess);
  }

  // 4. Every later payment of the same invoice is a duplicate.
  for (const p of payments.slice(1)) {
    const h = toHalalas(p.amount);
    if (within(p))
      line('RF-DUPLICATE', p.id, 'payment', h, h, {
        ar: `دفعة مكررة للفاتورة ${f.invoice.id} بتاريخ ${calendarDate(p.paidAt)} بمبلغ ${sar(h)} ريال؛ ترد كاملة`,
        en: `Duplicate payment of invoice ${f.invoice.id} on ${calendarDate(p.paidAt)}, SAR ${sar(h)}; refunded in full`,
      });
    else windowDenial(p, 'payment', h);
  }

  // 5. The fee lines paid by p1.
  const fees = f.invoice.lines.map((l) => ({ kind: l.kind, baseH: toHalalas(l.amount) * share }));
  const ground = <K extends RefundFacts['grounds'][number]['kind']>(kind: K) =>
    f.grounds.find((g): g is Extract<RefundFacts['grounds'][number], { kind: K }> => g.kind === kind);
  const directed = ground('directed_in_writing');
  const wrongPath = ground('wrong_path');
  const shareNote =
    share < 1 ? { ar: ` (حصة الدفعة ${sar(p1H)} من ${sar(dueH)})`, en: ` (the share paid: SAR ${sar(p1H)} of ${sar(dueH)})` } : { ar: '', en: '' };

  if (directed && !directed.proof) {
    for (const fee of fees)
      deny('RF-DIRECTED-NO-PROOF', p1.id, fee.kind, fee.baseH, {
        ar: `لا يوجد إثبات كتابي لتوجيه الموظف أو النظام لتقديم هذه الخدمة (${FEE_AR[fee.kind]})`,
        en: `No written proof that staff or the system directed the applicant to this service (${FEE_EN[fee.kind]})`,
      });
  }
  const special = directed?.proof
    ? {
        rule: 'RF-DIRECTED',
        ar: 'وجه الموظف أو النظام المتقدم كتابياً لهذه الخدمة',
        en: 'Staff or the system directed the applicant to this service in writing',
      }
    : wrongPath
      ? {
          rule: 'RF-WRONG-PATH',
          ar: `أحيل الطلب إلى مسار خاطئ من ${wrongPath.by === 'staff' ? 'الموظف' : 'النظام'}`,
          en: `The request was referred to a wrong path by ${wrongPath.by === 'staff' ? 'staff' : 'the system'}`,
        }
      : null;

  if (special) {
    for (const fee of fees) {
      if (within(p1))
        line(special.rule, p1.id, fee.kind, fee.baseH, fee.baseH, {
          ar: `${special.ar}: ترد ${FEE_AR[fee.kind]} ${sar(fee.baseH)} ريال كاملة${shareNote.ar}`,
          en: `${special.en}: the ${FEE_EN[fee.kind]} SAR ${sar(fee.baseH)} is refunded in full${shareNote.en}`,
        });
      else windowDenial(p1, fee.kind, fee.baseH);
    }
  } else {
    const exempt = ground('exempt_category');
    const latePrior = ground('late_fee_prior_attempts');
    const open: typeof fees = [];
    for (const fee of fees) {
      if (fee.kind === 'administrative') {
        deny('RF-ADMIN', p1.id, 'administrative', fee.baseH, {
          ar: `الرسوم الإدارية ${sar(fee.baseH)} ريال غير مستردة`,
          en: `The administrative fee SAR ${sar(fee.baseH)} is not refundable`,
        });
      } else if (exempt && EXEMPT_SERVICES.includes(f.service)) {
        if (within(p1))
          line('RF-EXEMPT', p1.id, fee.kind, fee.baseH, fee.baseH, {
            ar: `الفئة ${exempt.category} معفاة نظاماً من رسوم التصنيف والتسجيل: ترد ${FEE_AR[fee.kind]} ${sar(fee.baseH)} ريال كاملة`,
            en: `Category ${exempt.category} is exempt by regulation: the ${FEE_EN[fee.kind]} SAR ${sar(fee.baseH)} is refunded in full`,
          });
        else windowDenial(p1, fee.kind, fee.baseH);
      } else if (fee.kind === 'late' && latePrior && LATE_PRIOR_SERVICES.includes(f.service)) {
        if (latePrior.proof) {
          if (within(p1))
            line('RF-LATE-PRIOR', p1.id, 'late', fee.baseH, fee.baseH, {
              ar: `أثبت المتقدم محاولات سابقة لتصحيح وضعه قبل انتهاء التسجيل: ترد غرامة التأخير ${sar(fee.baseH)} ريال كاملة`,
              en: `The applicant proved earlier attempts to correct their status before the registration expired: the late fee SAR ${sar(fee.baseH)} is refunded in full`,
            });
          else windowDenial(p1, 'late', fee.baseH);
        } else {
          deny('RF-LATE-PRIOR-NO-PROOF', p1.id, 'late', fee.baseH, {
            ar: 'لا يوجد إثبات للمحاولات السابقة لتصحيح الوضع',
            en: 'No proof of the earlier attempts to correct the status',
          });
          open.push(fee);
        }
      } else open.push(fee);
    }

    // The general rule: a share of what is still open, when every condition holds.
    const submissionEnd = plusMonths(calendarDate(f.submittedAt), policy.refundSubmissionWindowMonths);
    const failing: Array<[DenialRule, Bilingual]> = [];
    if (!within(p1))
      failing.push([
        'RF-WINDOW',
        {
          ar: `طلب الاسترداد في ${requested} بعد ${windowEnd(p1.paidAt)} (شهر من الدفع ${calendarDate(p1.paidAt)})`,
          en: `Requested ${requested}, after ${windowEnd(p1.paidAt)} (${policy.refundWindowMonths} month(s) from payment ${calendarDate(p1.paidAt)})`,
        },
      ]);
    if (requested > submissionEnd)
      failing.push([
        'RF-SUBMISSION-WINDOW',
        {
          ar: `طلب الاسترداد في ${requested} بعد ${submissionEnd} (شهر من تقديم الطلب ${calendarDate(f.submittedAt)})`,
          en: `Requested ${requested}, after ${submissionEnd} (${policy.refundSubmissionWindowMonths} month(s) from submission ${calendarDate(f.submittedAt)})`,
        },
      ]);
    if (f.studied)
      failing.push(['RF-STUDIED', { ar: 'درست الهيئة الطلب أو قدمت الخدمة', en: 'The commission has studied the request or delivered the service' }]);
    if (f.evaluationSessionHeld)
      failing.push(['RF-EVALUATION', { ar: 'عقدت جلسة التقييم المهني', en: 'The professional evaluation session was held' }]);
    if (f.rejectedForNoResponse)
      failing.push([
        'RF-NO-RESPONSE',
        {
          ar: 'رفض الطلب لعدم الاستجابة للمتطلبات الإضافية خلال شهر',
          en: 'The request was rejected for no response to additional requirements within a month',
        },
      ]);
    for (const fee of open) {
      if (failing.length === 0) {
        const amount = fee.baseH * policy.generalRefundRate;
        line('RF-GENERAL-50', p1.id, fee.kind, fee.baseH, amount, {
          ar: `يرد ${policy.generalRefundRate * 100}% من ${FEE_AR[fee.kind]} ${sar(fee.baseH)} ريال = ${sar(amount)} ريال${shareNote.ar}`,
          en: `${policy.generalRefundRate * 100}% of the ${FEE_EN[fee.kind]} SAR ${sar(fee.baseH)} = SAR ${sar(amount)}${shareNote.en}`,
        });
      } else {
        for (const [rule, why] of failing)
          deny(rule, p1.id, fee.kind, fee.baseH, { ar: `${FEE_AR[fee.kind]}: ${why.ar}`, en: `${FEE_EN[fee.kind]}: ${why.en}` });
      }
    }
  }

  // 6. The total is the sum of the rounded lines, never more than was paid.
  const paidH = payments.reduce((s, p) => s + toHalalas(p.amount), 0);
  const totalH = Math.min(
    lines.reduce((s, l) => s + Math.round(l.amount * 100), 0),
    paidH,
  );
  return { currency: 'SAR', total: toSar(totalH), lines, denials };
}
