/**
 * The CPD section of the case view, from the facts the CPD-HOURS check reads (rules/eligibility/renewal.ts): the
 * hours recorded before this request, each activity added with it (refused in a CPD audit or not) and the
 * hours the policy requires of the applicant's category. The section then adds up as the check does:
 * a reviewer never reads "20 recorded hours" beside an empty list without being told where the 20 come from.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, RequestRow } from '../db/schema';
import type { CaseDetail, Policy } from '../../../shared/domain';

export async function cpdSection(
  db: Kysely<Database> | Transaction<Database>,
  req: Pick<RequestRow, 'id' | 'cpd_recorded_hours'>,
  category: string,
  policy: Pick<Policy, 'cpdHours'>,
): Promise<CaseDetail['cpd']> {
  const rows = await db
    .selectFrom('cpd_activities as a')
    // An activity refused in a CPD audit is not recognised (cpd/decide-activity.ts), as in request-facts.ts.
    .leftJoin('cpd_activity_decisions as d', 'd.activity_id', 'a.id')
    .select(['a.title', 'a.provider', 'a.hours', 'a.date', 'a.kind', 'd.decision'])
    .where('a.request_id', '=', req.id)
    .orderBy('a.date')
    .orderBy('a.id')
    .execute();
  return cpdSectionOf(req, category, policy, rows);
}

/** The section from the request's activities as read already, by date (a case view's rows: case-rows.ts). */
export function cpdSectionOf(
  req: Pick<RequestRow, 'cpd_recorded_hours'>,
  category: string,
  policy: Pick<Policy, 'cpdHours'>,
  rows: ReadonlyArray<{ title: string; provider: string; hours: number; date: string; kind: string; decision: string | null }>,
): CaseDetail['cpd'] {
  return {
    recordedHours: req.cpd_recorded_hours,
    requiredHours: policy.cpdHours[category] ?? null,
    activities: rows.map((r) => ({
      title: r.title,
      provider: r.provider,
      hours: r.hours,
      date: r.date,
      kind: r.kind,
      ...(r.decision === 'refused' ? { refused: true } : {}),
    })),
  };
}
