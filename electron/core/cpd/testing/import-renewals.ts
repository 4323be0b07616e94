/** Test helpers for the CPD audit: renewals imported through the desk's own import, with the CPD activities given. */
import type { DeskDb } from '../../db/connection';
import type { Clock } from '../../time/clock';
import { importBundles } from '../../intake/import-batch';
import { samplePolicy } from '../../policy/sample-policy';
import { goodRequestJson, writeFolder } from '../../intake/testing/request-bundles';
import { withCheckDigit } from '../../identity/national-id';

export interface RenewalPlan {
  reference: string;
  submittedAt?: string;
  activities?: Array<{ title: string; provider: string; hours: number; date: string; kind: string }>;
}

/** Imports the renewals (consultants: 22 recorded hours + the activities; 30 required); answers reference → id. */
export async function importRenewals(d: { db: DeskDb; clock: Clock }, plans: RenewalPlan[]): Promise<Map<string, number>> {
  const base = goodRequestJson();
  const done = await importBundles(
    d.db,
    d.clock,
    samplePolicy(),
    plans.map((p, i) =>
      writeFolder(
        goodRequestJson({
          reference: p.reference,
          submittedAt: p.submittedAt ?? base.submittedAt,
          // A distinct applicant each: the same ID on several requests is another signal's business.
          applicant: { ...base.applicant, idNumber: withCheckDigit(`10000${String(100 + i).padStart(4, '0')}`) },
          cpd: { recordedHours: 22, activities: p.activities ?? base.cpd.activities },
        }),
      ),
    ),
  );
  if (!done.every((r) => r.ok)) throw new Error(`test bundles refused: ${JSON.stringify(done)}`);
  const rows = await d.db
    .selectFrom('requests')
    .select(['id', 'reference'])
    .where(
      'reference',
      'in',
      plans.map((p) => p.reference),
    )
    .execute();
  return new Map(rows.map((r) => [r.reference, r.id]));
}
