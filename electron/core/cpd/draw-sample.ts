/**
 * Draws a period's CPD audit sample (issue #20): the period's renewals (not withdrawn) that declare CPD
 * activities are the population;
 * `policy.cpdAudit.samplePercent` of them are drawn with the seed (given, or a fresh one), and every renewal
 * of the period a CPD risk signal warns about joins the audit with that signal as its reason. The seed, the
 * population's size and digest are kept with the sample, so anyone can draw it again and compare.
 */
import type { DeskDb } from '../db/connection';
import type { CpdAuditReason, CpdSampleView, UserInfo } from '../../../shared/domain';
import type { Clock } from '../time/clock';
import type { BlobStore } from '../blobs/blob-store';
import { DeskFault } from '../errors';
import { appendAudit } from '../audit/chain';
import { serialise } from '../db/dialect';
import { currentPolicy } from '../policy/current-policy';
import { calendarDate } from '../time/riyadh-day';
import { addDays } from '../time/day-arithmetic';
import { riyadhDate } from '../time/riyadh-day';
import { subjectFromRequest } from '../signals/subject';
import { runSignals } from '../signals/run';
import { CPD_SIGNALS } from '../signals/cpd-signals';
import { auditPeriod } from './audit-period';
import { drawSample, newSeed, populationDigest } from './seeded-sample';
import { cpdSamples } from './audit-queue';

export interface DrawInput {
  /** Any month of the period, YYYY-MM. */
  month: string;
  /** Given to draw again a sample someone else drew (or to test); a fresh one otherwise. */
  seed?: string;
}

/** `a.user` null: the command line (`desk cpd-sample`), the desk's own scheduled draw. */
export async function drawCpdSample(
  db: DeskDb,
  a: { user: UserInfo | null; clock: Clock; blobs: BlobStore },
  input: DrawInput,
): Promise<CpdSampleView> {
  const at = a.clock.now().toISOString();
  const { version, policy } = await currentPolicy(db, at);
  const period = auditPeriod(input.month, policy.cpdAudit.periodMonths);
  if (period.start > riyadhDate(a.clock.now()))
    throw new DeskFault('bad_input', `period: ${period.start} has not begun yet`, `period: الفترة ${period.start} لم تبدأ بعد`);
  const seed = input.seed ?? newSeed();
  const id = await db.transaction().execute(async (trx) => {
    // Two draws of one period at once: one at a time (PostgreSQL), and the period's key refuses the second.
    await serialise(trx, 'cpd-sample');
    const drawn = await trx.selectFrom('cpd_samples').select(['seed', 'drawn_at']).where('period_start', '=', period.start).executeTakeFirst();
    if (drawn)
      throw new DeskFault(
        'conflict',
        `the sample of ${period.start}…${period.end} was drawn already (${drawn.drawn_at}, seed ${drawn.seed})`,
        `سُحبت عينة الفترة ${period.start}…${period.end} من قبل (${drawn.drawn_at}، البذرة ${drawn.seed})`,
      );
    // A Riyadh day is at most a day off the UTC one: a day's margin either side, then the exact Riyadh day.
    const rows = await trx
      .selectFrom('requests')
      .select(['id', 'reference', 'submitted_at'])
      .where('service', '=', 'RENEWAL')
      .where('status', '!=', 'withdrawn')
      // Only declared activities can be audited: hours recorded by the commission itself need no proof.
      .where((eb) => eb.exists(eb.selectFrom('cpd_activities as a').select('a.id').whereRef('a.request_id', '=', 'requests.id')))
      .where('submitted_at', '>=', addDays(period.start, -1))
      .where('submitted_at', '<', addDays(period.end, 2))
      .execute();
    const population = rows.filter((r) => {
      const day = calendarDate(r.submitted_at);
      return day >= period.start && day <= period.end;
    });
    const sampled = new Set(
      drawSample(
        population.map((r) => r.reference),
        seed,
        policy.cpdAudit.samplePercent,
      ),
    );
    const reasons = new Map<number, CpdAuditReason[]>();
    for (const r of population) {
      const own: CpdAuditReason[] = sampled.has(r.reference)
        ? [{ kind: 'sampled', periodStart: period.start, periodEnd: period.end, seed, percent: policy.cpdAudit.samplePercent }]
        : [];
      const views = await runSignals({ db: trx, policy, subject: await subjectFromRequest(trx, r.id, a.blobs) }, CPD_SIGNALS);
      for (const v of views.filter((x) => x.outcome !== 'pass'))
        own.push({ kind: 'signal', signal: v.signal, title: v.title, explanation: v.explanation });
      if (own.length > 0) reasons.set(r.id, own);
    }
    const triggered = [...reasons.values()].filter((rs) => rs.some((x) => x.kind === 'signal')).length;
    const sample = await trx
      .insertInto('cpd_samples')
      .values({
        period_start: period.start,
        period_end: period.end,
        seed,
        percent: policy.cpdAudit.samplePercent,
        population: population.length,
        population_digest: populationDigest(population.map((r) => r.reference)),
        sampled: sampled.size,
        triggered,
        drawn_by: a.user?.id ?? null,
        drawn_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids = [...reasons.keys()].sort((x, y) => x - y);
    const already = new Set(
      ids.length ? (await trx.selectFrom('cpd_audits').select('request_id').where('request_id', 'in', ids).execute()).map((r) => r.request_id) : [],
    );
    for (const requestId of ids.filter((i) => !already.has(i)))
      await trx
        .insertInto('cpd_audits')
        .values({
          request_id: requestId,
          sample_id: sample.id,
          reasons: JSON.stringify(reasons.get(requestId)),
          opened_at: at,
          completed_at: null,
          completed_by: null,
        })
        .execute();
    await appendAudit(trx, {
      at,
      actorId: a.user?.id ?? null,
      action: 'cpd.sample_draw',
      entity: 'cpd_sample',
      entityId: sample.id,
      data: {
        period,
        seed,
        percent: policy.cpdAudit.samplePercent,
        policyVersion: version,
        population: population.length,
        sampled: [...sampled].sort(),
        triggered,
      },
    });
    return sample.id;
  });
  return (await cpdSamples(db)).find((s) => s.id === id)!;
}
