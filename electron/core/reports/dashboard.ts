import type { DeskDb } from '../db/connection';
import type { DashboardFigures, Service, Status } from '../../../shared/domain';
import { addDays } from '../time/day-arithmetic';
import { riyadhDate } from '../time/riyadh-day';
import { workingDaysBetween } from '../time/working-days';
import { currentPolicy } from '../policy/current-policy';
import { decisionWaits, foldDashboardTallies, intakeDays, stepsByDay, waitingDays } from './dashboard-days';
import { DeskFault } from '../errors';

export interface DashboardQuery {
  from?: string;
  to?: string;
  service?: Service;
}

/** Riyadh day → the UTC instant it starts at. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+03:00`).toISOString();
const WAITING: Status[] = ['submitted', 'in_review', 'resubmitted', 'awaiting_second_signature'];
const BUCKETS: Array<[label: string, max: number]> = [
  ['0–1', 1],
  ['2–3', 3],
  ['4–5', 5],
  ['6–10', 10],
  ['11–20', 20],
  ['21+', Infinity],
];

/** The dashboard's figures, by Riyadh day: whole days from its tallies, so a year at 100,000 requests stays quick. */
export async function dashboardFigures(db: DeskDb, q: DashboardQuery, now: Date): Promise<DashboardFigures> {
  const today = riyadhDate(now);
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -29);
  // A reversed range has no days: refused by name, never answered with empty figures (the contract refuses it too).
  if (from > to)
    throw new DeskFault(
      'bad_input',
      `from: the start date is after the end date (${from} > ${to})`,
      `من: تاريخ البداية بعد تاريخ النهاية (${from} > ${to})`,
      { code: 'date_order', field: 'from' },
    );
  const start = dayStart(from);
  const end = dayStart(addDays(to, 1));
  const { policy } = await currentPolicy(db, now.toISOString());
  const sla = policy.slaWorkingDays;

  // Whole days from the tallies (reports/dashboard-days.ts); the few notes and refunds of the range are read as they are.
  await foldDashboardTallies(db);
  const [intake, waiting, steps, waits] = await Promise.all([
    intakeDays(db, from, to, q.service),
    waitingDays(db, WAITING, q.service),
    stepsByDay(db, from, to, q.service),
    decisionWaits(db, from, to, q.service),
  ]);
  const perDay = new Map<string, { intake: number; decisions: number }>();
  for (let d = from; d <= to; d = addDays(d, 1)) perDay.set(d, { intake: 0, decisions: 0 });
  for (const r of intake.byDay) perDay.get(r.key)!.intake += r.n;

  const ageing = BUCKETS.map(([bucket, max]) => ({
    bucket,
    max,
    band: (max <= sla ? 'within' : max <= 2 * sla ? 'over' : 'late') as 'within' | 'over' | 'late',
    count: 0,
  }));
  // Thousands of waiting requests share a few hundred submission days: each day's age is worked out once.
  for (const r of waiting) {
    const age = workingDaysBetween(r.day, today);
    ageing.find((b) => age <= b.max)!.count += r.n;
  }

  let returned = 0;
  for (const st of steps) {
    if (st.action === 'return_to_applicant') returned += st.n;
    else perDay.get(st.day)!.decisions += st.n;
  }
  const names = new Map((await db.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]));
  const byReviewer = new Map<string, { decisions: number; approved: number; rejected: number; waits: Array<[days: number, n: number]> }>();
  for (const w of waits) {
    const name = (w.actor_id !== null ? names.get(w.actor_id) : undefined) ?? '—';
    const r = byReviewer.get(name) ?? { decisions: 0, approved: 0, rejected: 0, waits: [] };
    r.decisions += w.n;
    if (w.action === 'approve') r.approved += w.n;
    else r.rejected += w.n;
    r.waits.push([w.waited, w.n]);
    byReviewer.set(name, r);
  }

  // The returns' notes of the range, from their index alone (0250); each note's request is read only to filter by
  // service (every note has its request: notes.request_id references it).
  let notesQ = db
    .selectFrom('notes as n')
    .select((eb) => ['n.text', eb.fn.countAll<number>().as('count')])
    .where('n.kind', '=', 'to_applicant')
    .where('n.at', '>=', start)
    .where('n.at', '<', end)
    .groupBy('n.text')
    .orderBy('count', 'desc')
    .limit(5);
  if (q.service)
    notesQ = notesQ.where((eb) =>
      eb.exists(eb.selectFrom('requests as r').select('r.id').whereRef('r.id', '=', 'n.request_id').where('r.service', '=', q.service!)),
    );

  let refundsQ = db
    .selectFrom('refunds as f')
    .innerJoin('requests as r', 'r.id', 'f.request_id')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('f.total_halalas').as('total')])
    .where('f.status', '=', 'paid')
    .where('f.paid_at', '>=', start)
    .where('f.paid_at', '<', end);
  if (q.service) refundsQ = refundsQ.where('r.service', '=', q.service);
  const [reasons, refunds] = await Promise.all([notesQ.execute(), refundsQ.executeTakeFirstOrThrow()]);

  return {
    from,
    to,
    today,
    slaWorkingDays: sla,
    byStatus: sortedCounts(intake.byStatus).map(([status, count]) => ({ status, count })),
    byService: sortedCounts(intake.byService).map(([service, count]) => ({ service, count })),
    perDay: [...perDay].map(([day, v]) => ({ day, ...v })),
    ageing: ageing.map(({ bucket, band, count }) => ({ bucket, band, count })),
    reviewers: [...byReviewer]
      .map(([name, r]) => ({ name, decisions: r.decisions, approved: r.approved, rejected: r.rejected, medianDaysToDecision: median(r.waits) }))
      .sort((a, b) => b.decisions - a.decisions),
    returns: { count: returned, reasons: reasons.map((r) => ({ text: r.text, count: Number(r.count) })) },
    refundsPaid: { count: Number(refunds.count), totalHalalas: Number(refunds.total ?? 0) },
  };
}

/** A figure's counts by name, in the names' order (code points: the same on both databases). */
function sortedCounts(counts: Array<{ key: string; n: number }>): Array<[string, number]> {
  return counts.map((c): [string, number] => [c.key, c.n]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The median of values given with how often each occurs. */
function median(counted: Array<[value: number, n: number]>): number | null {
  const sorted = [...counted].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (!total) return null;
  const at = (position: number) => {
    let seen = 0;
    for (const [value, n] of sorted) if ((seen += n) > position) return value;
    return sorted.at(-1)![0];
  };
  const m = Math.floor(total / 2);
  return total % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
}
