/**
 * What a request costs under the policy in force (domain.md "Fees, invoices and payments"): the service fee
 * and its administrative part, a late fee for a renewal or re-registration filed after the card expired,
 * and nothing at all when a policy exemption matches. Pure: facts and policy in, lines out.
 */
import type { FeeKind, Service } from '../../../shared/domain';
import type { FeeExemption, Policy } from '../../../shared/domain/policy';
import type { Trx } from '../cases/apply-transition';
import type { DeskDb } from '../db/connection';
import type { RequestRow } from '../db/schema';
import { parseSnapshot } from '../cases/applicant-snapshot';
import { calendarDate } from '../time/riyadh-day';
import { plusMonths } from '../time/day-arithmetic';
import { notFound } from '../errors';

/** Services whose card may have lapsed before the request: late by the months since it expired (RENEWAL-WINDOW). */
const LATE_FEE_SERVICES: readonly Service[] = ['RENEWAL', 'REREGISTRATION'];

export interface FeeFacts {
  service: Service;
  /** When the request was submitted (ISO instant or date); its Riyadh day is what counts, as in the checks. */
  submittedAt: string;
  /** The card the applicant held when they applied, from their snapshot. */
  card: { expiresAt: string } | null;
  employerType: string | null;
  category: string | null;
}

export interface FeeQuote {
  /** Lines with an amount (a zero administrative part is no line). Empty when nothing is to be paid. */
  lines: Array<{ kind: FeeKind; amountHalalas: number }>;
  totalHalalas: number;
  /** The exemption that set the amount to zero, if one did. */
  exemption: FeeExemption | null;
  /** Started months between the card's expiry and the submission (0 when on time or not applicable). */
  monthsLate: number;
}

/**
 * Started months late: filed a day after expiry is one month late; on the same day of the next month still
 * one; a day after that, two. Dates are Riyadh calendar days; the expiry day itself is on time.
 */
export function startedMonthsLate(expiresAt: string, submitted: string): number {
  if (submitted <= expiresAt) return 0;
  let months = 1;
  while (plusMonths(expiresAt, months) < submitted) months += 1;
  return months;
}

const matches = (e: FeeExemption, f: FeeFacts) =>
  e.services.includes(f.service) &&
  (!e.employerTypes?.length || (f.employerType !== null && e.employerTypes.includes(f.employerType))) &&
  (!e.categories?.length || (f.category !== null && e.categories.includes(f.category)));

export function quoteFee(f: FeeFacts, policy: Policy): FeeQuote {
  const fee = policy.fees[f.service];
  const exemption = policy.feeExemptions.find((e) => matches(e, f)) ?? null;
  if (!fee || exemption) return { lines: [], totalHalalas: 0, exemption, monthsLate: 0 };
  const monthsLate = LATE_FEE_SERVICES.includes(f.service) && f.card ? startedMonthsLate(f.card.expiresAt, calendarDate(f.submittedAt)) : 0;
  const lines: FeeQuote['lines'] = [];
  if (fee.service > 0) lines.push({ kind: 'service', amountHalalas: fee.service });
  if (fee.administrative > 0) lines.push({ kind: 'administrative', amountHalalas: fee.administrative });
  if (monthsLate > 0 && fee.latePerMonth) lines.push({ kind: 'late', amountHalalas: fee.latePerMonth * monthsLate });
  return { lines, totalHalalas: lines.reduce((s, l) => s + l.amountHalalas, 0), exemption: null, monthsLate };
}

async function storedForFee(db: DeskDb | Trx, requestId: number) {
  const r = await db
    .selectFrom('requests')
    .select(['service', 'submitted_at', 'applicant_snapshot', 'employer_type'])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!r) throw notFound(`request ${requestId}`, `الطلب ${requestId}`);
  return r;
}

/** The fee of a stored request (its id, or the row a decision has read already), as submitted (its applicant snapshot), under `policy`. */
export async function quoteRequestFee(
  db: DeskDb | Trx,
  request: number | Pick<RequestRow, 'service' | 'submitted_at' | 'applicant_snapshot' | 'employer_type'>,
  policy: Policy,
): Promise<FeeQuote> {
  const r = typeof request === 'number' ? await storedForFee(db, request) : request;
  const a = parseSnapshot(r.applicant_snapshot);
  return quoteFee(
    {
      service: r.service,
      submittedAt: r.submitted_at,
      card: a.card ? { expiresAt: a.card.expiresAt } : null,
      employerType: r.employer_type,
      category: a.category ?? null,
    },
    policy,
  );
}
