/**
 * The tallies (migrations 0210, 0220) against a recount from the requests and their history, days worked out in
 * JavaScript: the check every writer of the tallies' tables is held to (the triggers, the bulk seed's recount).
 */
import { expect } from 'vitest';
import { sql } from 'kysely';
import { riyadhDate } from '../../time/riyadh-day';
import type { DeskDb } from '../connection';
import { TALLY_KEYS, type Tallies } from '../tallies';
import { decisionWaits } from '../../reports/dashboard-days';
import { workingDaysBetween } from '../../time/working-days';

const STEPS = new Set(['approve', 'reject', 'return_to_applicant']);

/** A tally's sums by key, keys whose rows cancel out left out. */
export async function sums(db: DeskDb, table: keyof Tallies): Promise<Map<string, number>> {
  const keys = TALLY_KEYS[table];
  const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(db)).rows;
  const out = new Map<string, number>();
  for (const r of rows) {
    const key = keys.map((k) => String(r[k] ?? '-')).join('|');
    out.set(key, (out.get(key) ?? 0) + Number(r.n));
  }
  return new Map([...out].filter(([, n]) => n !== 0).sort());
}

/** The same figures counted again from the requests and their history, days worked out in JavaScript. */
async function recount(db: DeskDb): Promise<Record<keyof Tallies, Map<string, number>>> {
  const requests = await db.selectFrom('requests').select(['id', 'status', 'service', 'submitted_at']).execute();
  const history = await db.selectFrom('status_history').select(['request_id', 'action', 'actor_id', 'at']).execute();
  const byId = new Map(requests.map((r) => [r.id, r]));
  const tally = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return new Map([...m].sort());
  };
  return {
    queue_counts: tally(requests.map((r) => r.status)),
    dashboard_intake: tally(requests.map((r) => `${riyadhDate(r.submitted_at)}|${r.service}|${r.status}`)),
    dashboard_steps: tally(
      history
        .filter((h) => STEPS.has(h.action))
        .map((h) => {
          const r = byId.get(h.request_id)!;
          return `${riyadhDate(h.at)}|${r.service}|${h.action}|${h.actor_id ?? '-'}|${riyadhDate(r.submitted_at)}`;
        }),
    ),
  };
}

export async function expectTalliesMatch(db: DeskDb) {
  const counted = await recount(db);
  for (const table of Object.keys(TALLY_KEYS) as Array<keyof Tallies>) expect(await sums(db, table), table).toEqual(counted[table]);
  // The working days to a decision, counted in SQL for the dashboard's medians, as workingDaysBetween counts them.
  const waits = new Map<string, number>();
  for (const [key, n] of counted.dashboard_steps) {
    const [day, , action, actor, submitted] = key.split('|');
    if (action === 'return_to_applicant') continue;
    const k = `${actor}|${action}|${workingDaysBetween(submitted!, day!)}`;
    waits.set(k, (waits.get(k) ?? 0) + n);
  }
  const inSql = (await decisionWaits(db, '2000-01-01', '2099-12-31')).map((w): [string, number] => [
    `${w.actor_id ?? '-'}|${w.action}|${w.waited}`,
    w.n,
  ]);
  expect(new Map(inSql.sort()), 'working days to a decision').toEqual(new Map([...waits].sort()));
}
