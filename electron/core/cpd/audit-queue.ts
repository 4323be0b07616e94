/** The CPD audit queue (open audits first, oldest first) and the samples drawn, as the CPD audit page lists them. */
import type { DeskDb } from '../db/connection';
import type { CpdAuditReason, CpdAuditRow, CpdSampleView } from '../../../shared/domain';
import { sql } from 'kysely';

export async function cpdAuditQueue(db: DeskDb, show: 'open' | 'completed'): Promise<CpdAuditRow[]> {
  let q = db
    .selectFrom('cpd_audits as c')
    .innerJoin('requests as r', 'r.id', 'c.request_id')
    .innerJoin('practitioners as p', 'p.id', 'r.practitioner_id')
    .leftJoin('users as u', 'u.id', 'r.assignee_id')
    .select([
      'c.request_id',
      'c.reasons',
      'c.completed_at',
      'r.reference',
      'r.status',
      'r.submitted_at',
      'p.name_ar',
      'p.name_en',
      'u.display_name as assignee',
      sql<number>`(select count(*) from cpd_activities a where a.request_id = c.request_id)`.as('activities'),
      sql<number>`(select count(*) from cpd_activity_decisions d where d.request_id = c.request_id)`.as('decided'),
    ]);
  q = show === 'open' ? q.where('c.completed_at', 'is', null) : q.where('c.completed_at', 'is not', null);
  const rows = await q.orderBy('r.submitted_at').orderBy('r.id').limit(1000).execute();
  return rows.map((r) => ({
    requestId: r.request_id,
    reference: r.reference,
    nameAr: r.name_ar,
    nameEn: r.name_en,
    status: r.status,
    submittedAt: r.submitted_at,
    assigneeName: r.assignee ?? null,
    reasons: JSON.parse(r.reasons) as CpdAuditReason[],
    activities: Number(r.activities),
    decided: Number(r.decided),
    completedAt: r.completed_at,
  }));
}

export async function cpdSamples(db: DeskDb): Promise<CpdSampleView[]> {
  const rows = await db
    .selectFrom('cpd_samples as s')
    .leftJoin('users as u', 'u.id', 's.drawn_by')
    .selectAll('s')
    .select('u.display_name as drawn_by_name')
    .orderBy('s.period_start', 'desc')
    .execute();
  return rows.map((s) => ({
    id: s.id,
    periodStart: s.period_start,
    periodEnd: s.period_end,
    seed: s.seed,
    percent: Number(s.percent),
    population: s.population,
    populationDigest: s.population_digest,
    sampled: s.sampled,
    triggered: s.triggered,
    drawnBy: s.drawn_by_name ?? null,
    drawnAt: s.drawn_at,
  }));
}
