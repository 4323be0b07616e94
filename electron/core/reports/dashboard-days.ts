/**
 * The dashboard's whole-day figures from its tallies (migration 0220: kept by triggers in the transaction of
 * each change): a year at 100,000 requests is a few thousand rows to sum instead of every request and step.
 */
import type { DeskDb } from '../db/connection';
import type { Service } from '../../../shared/domain';
import { sql, type RawBuilder } from 'kysely';
import { foldTallyWhenLong, type Tallies } from '../db/tallies';
import { dialectOf, type Dialect } from '../db/dialect';

/** Requests submitted on the days `from`–`to`, by current status, by service and by Riyadh day of submission. */
export async function intakeDays(db: DeskDb, from: string, to: string, service?: Service) {
  const by = async <K extends 'status' | 'service' | 'day'>(key: K) => {
    let q = db
      .withTables<Tallies>()
      .selectFrom('dashboard_intake')
      .select((eb) => [eb.ref(key).as('key'), eb.fn.sum<number>('n').as('n')])
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy(key);
    if (service) q = q.where('service', '=', service);
    return counted(await q.execute());
  };
  const [byStatus, byService, byDay] = await Promise.all([by('status'), by('service'), by('day')]);
  return { byStatus, byService, byDay };
}

/** Requests now in one of `statuses`, by Riyadh day of submission (every day). */
export async function waitingDays(db: DeskDb, statuses: readonly string[], service?: Service) {
  let q = db
    .withTables<Tallies>()
    .selectFrom('dashboard_intake')
    .select((eb) => ['day', eb.fn.sum<number>('n').as('n')])
    .where('status', 'in', statuses)
    .groupBy('day');
  if (service) q = q.where('service', '=', service);
  return counted(await q.execute());
}

/** Approvals, rejections and returns by Riyadh day, for `from`–`to`. */
export async function stepsByDay(db: DeskDb, from: string, to: string, service?: Service) {
  let q = db
    .withTables<Tallies>()
    .selectFrom('dashboard_steps')
    .select((eb) => ['action', 'day', eb.fn.sum<number>('n').as('n')])
    .where('action', 'in', ['approve', 'reject', 'return_to_applicant'])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(['action', 'day']);
  if (service) q = q.where('service', '=', service);
  return counted(await q.execute());
}

/** Approvals and rejections of `from`–`to` by actor and working days from submission (time/working-days.ts, in SQL). */
export async function decisionWaits(db: DeskDb, from: string, to: string, service?: Service) {
  const waited = workingDaysSql(dialectOf(db));
  let q = db
    .withTables<Tallies>()
    .selectFrom('dashboard_steps')
    .select((eb) => ['actor_id', 'action', waited.as('waited'), eb.fn.sum<number>('n').as('n')])
    .where('action', 'in', ['approve', 'reject'])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(['actor_id', 'action', waited]);
  if (service) q = q.where('service', '=', service);
  return counted(await q.execute()).map((r) => ({ ...r, waited: Number(r.waited) }));
}

/**
 * Working days (Sunday to Thursday) from the day after `submitted_day` up to `day`, as workingDaysBetween counts
 * them: five a whole week, and for the days left over a look-up by the submission's weekday and their number.
 */
const LEFT_OVER = Array.from({ length: 49 }, (_, k) => {
  const [weekday, days] = [Math.floor(k / 7), k % 7];
  return Array.from({ length: days }, (_, i) => (weekday + i + 1) % 7).filter((d) => d <= 4).length;
}).join('');

function workingDaysSql(dialect: Dialect): RawBuilder<number> {
  const [days, weekday] =
    dialect === 'postgres'
      ? [sql`(day::date - submitted_day::date)`, sql`extract(dow from submitted_day::date)::int`]
      : [sql`cast(julianday(day) - julianday(submitted_day) as integer)`, sql`cast(strftime('%w', submitted_day) as integer)`];
  return sql<number>`case when ${days} <= 0 then 0 else (${days} / 7) * 5 + cast(substr(${sql.lit(LEFT_OVER)}, ${weekday} * 7 + ${days} % 7 + 1, 1) as integer) end`;
}

/** Merges each tally's rows when they have grown enough (db/tallies.ts); the dashboard calls it after answering. */
export async function foldDashboardTallies(db: DeskDb): Promise<void> {
  const t = db.withTables<Tallies>();
  for (const table of ['dashboard_intake', 'dashboard_steps'] as const) {
    const { rows } = await t
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('rows'))
      .executeTakeFirstOrThrow();
    await foldTallyWhenLong(db as never, table, Number(rows));
  }
}

/** Sums as numbers (PostgreSQL's sum of integers is a bigint, read as text); keys whose changes cancel out dropped. */
function counted<T extends { n: number | string }>(rows: T[]): Array<T & { n: number }> {
  return rows.map((r) => ({ ...r, n: Number(r.n) })).filter((r) => r.n !== 0);
}
