import type { DeskDb } from '../db/connection';
import type { DashboardFigures, Service } from '../../../shared/domain';
import { addDays, riyadhDate, workingDaysBetween } from '../cases/working-days';
import { currentPolicy } from '../policy';
import { dialectOf, riyadhDay } from '../db/dialect';
import { DeskFault } from '../errors';

export interface DashboardQuery {
  from?: string;
  to?: string;
  service?: Service;
}

/** Riyadh day → the UTC instant it starts at. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+03:00`).toISOString();
const WAITING = ['submitted', 'in_review', 'resubmitted', 'awaiting_second_signature'];
const BUCKETS: Array<[label: string, max: number]> = [
  ['0–1', 1],
  ['2–3', 3],
  ['4–5', 5],
  ['6–10', 10],
  ['11–20', 20],
  ['21+', Infinity],
];

/** The dashboard's figures, by Riyadh day; the database groups, so a month at 100,000 requests stays quick. */
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
  const dialect = dialectOf(db);
  const day = (column: string) => riyadhDay(dialect, column);

  let submitted = db.selectFrom('requests').where('submitted_at', '>=', start).where('submitted_at', '<', end);
  if (q.service) submitted = submitted.where('service', '=', q.service);
  const [byStatus, byService, intake] = await Promise.all([
    submitted
      .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
      .groupBy('status')
      .orderBy('status')
      .execute(),
    submitted
      .select((eb) => ['service', eb.fn.countAll<number>().as('count')])
      .groupBy('service')
      .orderBy('service')
      .execute(),
    // Grouped by day in the database: a month at 100,000 requests is tens of thousands of rows.
    submitted
      .select((eb) => [day('submitted_at').as('day'), eb.fn.countAll<number>().as('count')])
      .groupBy(day('submitted_at'))
      .execute(),
  ]);

  let decisionsQ = db
    .selectFrom('status_history as h')
    .innerJoin('requests as r', 'r.id', 'h.request_id')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.at', 'h.action', 'r.submitted_at', 'u.display_name', day('h.at').as('day'), day('r.submitted_at').as('submitted_day')])
    .where('h.action', 'in', ['approve', 'reject'])
    .where('h.at', '>=', start)
    .where('h.at', '<', end);
  if (q.service) decisionsQ = decisionsQ.where('r.service', '=', q.service);
  const decisions = await decisionsQ.execute();

  const perDay = new Map<string, { intake: number; decisions: number }>();
  for (let d = from; d <= to; d = addDays(d, 1)) perDay.set(d, { intake: 0, decisions: 0 });
  for (const r of intake) {
    const bucket = perDay.get(r.day);
    if (bucket) bucket.intake += Number(r.count);
  }
  for (const d of decisions) {
    const bucket = perDay.get(d.day);
    if (bucket) bucket.decisions++;
  }

  let waitingQ = db
    .selectFrom('requests')
    .select((eb) => [day('submitted_at').as('day'), eb.fn.countAll<number>().as('count')])
    .where('status', 'in', WAITING)
    .groupBy(day('submitted_at'));
  if (q.service) waitingQ = waitingQ.where('service', '=', q.service);
  const ageing = BUCKETS.map(([bucket, max]) => ({
    bucket,
    max,
    band: (max <= sla ? 'within' : max <= 2 * sla ? 'over' : 'late') as 'within' | 'over' | 'late',
    count: 0,
  }));
  // Thousands of waiting requests share a few hundred submission days: each day's age is worked out once.
  for (const r of await waitingQ.execute()) {
    const age = workingDaysBetween(r.day, today);
    ageing.find((b) => age <= b.max)!.count += Number(r.count);
  }

  const byReviewer = new Map<string, { decisions: number; approved: number; rejected: number; days: number[] }>();
  for (const d of decisions) {
    const name = d.display_name ?? '—';
    const r = byReviewer.get(name) ?? { decisions: 0, approved: 0, rejected: 0, days: [] };
    r.decisions++;
    if (d.action === 'approve') r.approved++;
    else r.rejected++;
    r.days.push(workingDaysBetween(d.submitted_day, d.day));
    byReviewer.set(name, r);
  }

  let returnsQ = db
    .selectFrom('status_history as h')
    .innerJoin('requests as r', 'r.id', 'h.request_id')
    .select('h.request_id')
    .where('h.action', '=', 'return_to_applicant')
    .where('h.at', '>=', start)
    .where('h.at', '<', end);
  if (q.service) returnsQ = returnsQ.where('r.service', '=', q.service);
  const returned = await returnsQ.execute();
  let notesQ = db
    .selectFrom('notes as n')
    .innerJoin('requests as r', 'r.id', 'n.request_id')
    .select((eb) => ['n.text', eb.fn.countAll<number>().as('count')])
    .where('n.kind', '=', 'to_applicant')
    .where('n.at', '>=', start)
    .where('n.at', '<', end)
    .groupBy('n.text')
    .orderBy('count', 'desc')
    .limit(5);
  if (q.service) notesQ = notesQ.where('r.service', '=', q.service);

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
    byStatus: byStatus.map((r) => ({ status: r.status, count: Number(r.count) })),
    byService: byService.map((r) => ({ service: r.service, count: Number(r.count) })),
    perDay: [...perDay].map(([day, v]) => ({ day, ...v })),
    ageing: ageing.map(({ bucket, band, count }) => ({ bucket, band, count })),
    reviewers: [...byReviewer]
      .map(([name, r]) => ({ name, decisions: r.decisions, approved: r.approved, rejected: r.rejected, medianDaysToDecision: median(r.days) }))
      .sort((a, b) => b.decisions - a.decisions),
    returns: { count: returned.length, reasons: reasons.map((r) => ({ text: r.text, count: Number(r.count) })) },
    refundsPaid: { count: Number(refunds.count), totalHalalas: Number(refunds.total ?? 0) },
  };
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
