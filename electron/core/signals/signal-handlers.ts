/**
 * The contract's signals.* methods. Signals are computed when asked, not stored: each is one or two index
 * look-ups (migration 0130) and the answer must follow the database as it is now (a duplicate imported
 * tomorrow changes today's request), which a stored result would not. pdf-facts reads the request's PDFs;
 * the dashboard counts only the signals answered from the indexes (ON_INDEX_ONLY), cached for a minute.
 */
import type { Handlers } from '../call-context';
import type { Desk } from '../desk/open-desk';
import type { SignalWeek } from '../../../shared/domain';
import { currentPolicy } from '../policy/current-policy';
import { createPersonalDataLog } from '../audit/personal-data';
import { DeskFault } from '../errors';
import { riyadhDate, riyadhMidnight } from '../time/riyadh-day';
import { addDays } from '../time/day-arithmetic';
import { subjectFromRequest } from './subject';
import { runSignals } from './run';
import { compareRequests } from './compare';
import { ON_INDEX_ONLY } from './identity-signals';

type SignalMethods = 'signals.forCase' | 'signals.compare' | 'signals.perWeek';

const WEEKS_SHOWN = 12;
const MAX_REQUESTS_COUNTED = 20_000;

export function signalHandlers(deps: Desk): Pick<Handlers, SignalMethods> {
  const { db, clock } = deps;
  const views = createPersonalDataLog(db, clock);
  const weeks = new Map<string, { at: number; rows: SignalWeek[] }>();
  return {
    'signals.forCase': async (args) => {
      const { policy } = await currentPolicy(db, clock.now().toISOString());
      return runSignals({ db, policy, subject: await subjectFromRequest(db, args.requestId, deps.blobs) });
    },
    'signals.compare': async (args, ctx) => {
      if (!ctx.user) throw new DeskFault('unauthenticated', 'sign in first', 'سجل الدخول أولاً');
      const view = await compareRequests(db, args.a, args.b);
      // Two applicants' personal data on one screen: both views are recorded.
      await views.caseViewed(ctx.user, args.a);
      await views.caseViewed(ctx.user, args.b);
      return view;
    },
    'signals.perWeek': async (args) => {
      const to = args.to ?? riyadhDate(clock.now());
      const from = args.from ?? addDays(weekStart(to), -7 * (WEEKS_SHOWN - 1));
      const key = `${from}|${to}`;
      const cached = weeks.get(key);
      if (cached && clock.now().getTime() - cached.at < 60_000) return cached.rows;
      const rows = await signalsPerWeek(deps, from, to);
      weeks.set(key, { at: clock.now().getTime(), rows });
      return rows;
    },
  };
}

async function signalsPerWeek(deps: Desk, from: string, to: string): Promise<SignalWeek[]> {
  const { db, clock } = deps;
  const { policy } = await currentPolicy(db, clock.now().toISOString());
  const requests = await db
    .selectFrom('requests')
    .select(['id', 'submitted_at'])
    .where('submitted_at', '>=', riyadhMidnight(from))
    .where('submitted_at', '<', riyadhMidnight(addDays(to, 1)))
    .orderBy('submitted_at')
    .limit(MAX_REQUESTS_COUNTED)
    .execute();
  const byWeek = new Map<string, SignalWeek>();
  for (let w = weekStart(from); w <= to; w = addDays(w, 7)) byWeek.set(w, { week: w, requests: 0, warned: 0, failed: 0, bySignal: {} });
  for (const r of requests) {
    const week = byWeek.get(weekStart(riyadhDate(r.submitted_at)));
    if (!week) continue;
    week.requests++;
    const found = await runSignals({ db, policy, subject: await subjectFromRequest(db, r.id, deps.blobs) }, ON_INDEX_ONLY);
    const raised = found.filter((v) => v.outcome !== 'pass');
    if (raised.some((v) => v.outcome === 'fail')) week.failed++;
    else if (raised.length > 0) week.warned++;
    for (const s of new Set(raised.map((v) => v.signal))) week.bySignal[s] = (week.bySignal[s] ?? 0) + 1;
  }
  return [...byWeek.values()];
}

/** The Sunday starting the week of `date` (the Saudi working week starts on Sunday). */
const weekStart = (date: string) => addDays(date, -new Date(`${date}T00:00:00Z`).getUTCDay());
