/**
 * The one path of a decision on a request (decisions.ts). One transaction reads the request once (locked on
 * PostgreSQL until commit, apply-transition.ts) and the policy once, runs the eligibility checks at most once,
 * lets the step judge and move that very row (allowed-actions.ts, lifecycle.ts). The case detail the caller gets
 * back is built from the row the step left, that policy and those checks: none of them is read again.
 */
import type { CaseDetail, CheckView } from '../../../shared/domain';
import type { DeskDb } from '../db/connection';
import type { RequestRow } from '../db/schema';
import type { Actor } from '../actor';
import { currentPolicy, type PolicyVersion } from '../policy/current-policy';
import { checksOf } from './checks';
import { caseRows, factsOfRows, type CaseRows } from './case-rows';
import { applyTransition, type TransitionStep, type Trx } from './apply-transition';
import type { CaseAction } from './lifecycle';
import { caseDetailOf } from './case-detail';
import { appendingAtEnd } from '../audit/chain';

/** What a decision's step has to work with: nothing in it is read twice. */
export interface Decision {
  trx: Trx;
  a: Actor;
  /** The decision's instant (ISO), for every row it writes. */
  at: string;
  /** The request as this transaction read it, before the step. */
  req: RequestRow;
  pv: PolicyVersion;
  /** The request's checks under `pv`, run at the first call (the approval's gate, or else the detail) and kept. */
  checks(): Promise<CheckView[]>;
}

/** A request's checks and the rows they were judged on, read once in the decision's transaction. */
interface Judged {
  rows: CaseRows;
  checks: CheckView[];
}

/** The step: judges `d.req`, writes the decision, and returns the request row as it leaves it. */
export type DecisionStep = (d: Decision) => Promise<RequestRow>;

/** Moves the decision's own row by `action` (apply-transition.ts): by its actor, at its instant, with the policy it read. */
export async function move(d: Decision, action: CaseAction, more: Omit<TransitionStep, 'action' | 'actorId' | 'at'> = {}): Promise<RequestRow> {
  return (await applyTransition(d.trx, { request: d.req, action, actorId: d.a.user.id, at: d.at, policy: d.pv.policy, ...more })).request;
}

/**
 * Decides on the request `load` reads (once) with `step`, and answers its detail as `a` now sees it, built from
 * the row the step left; nothing to load (claim next on an empty queue) decides nothing and answers null.
 */
export function decideOn(db: DeskDb, a: Actor, load: (trx: Trx) => Promise<RequestRow>, step: DecisionStep): Promise<CaseDetail>;
export function decideOn(db: DeskDb, a: Actor, load: (trx: Trx) => Promise<RequestRow | undefined>, step: DecisionStep): Promise<CaseDetail | null>;
export async function decideOn(
  db: DeskDb,
  a: Actor,
  load: (trx: Trx) => Promise<RequestRow | undefined>,
  step: DecisionStep,
): Promise<CaseDetail | null> {
  // The checks are judged in the transaction; the rest of the detail (history, notes, files, audit) is read just
  // after it commits, from the row, policy and checks it left: inside, those reads held the audit chain's lock
  // and ten desks on one PostgreSQL made 30 decisions a second instead of 68 (bench/team.ts, 2026-12-01).
  const decided = await inOneTransaction(db, a, load, step, async (after, pv, judged, now) => ({ req: after, pv, ...(await judged()), now }));
  return decided && caseDetailOf(db, decided, decided.now, a.user);
}

/** The same path for a caller that wants no detail back (claiming many at once). */
export async function decideQuietly(db: DeskDb, a: Actor, load: (trx: Trx) => Promise<RequestRow>, step: DecisionStep): Promise<void> {
  await inOneTransaction(db, a, load, step, async () => undefined);
}

async function inOneTransaction<T>(
  db: DeskDb,
  a: Actor,
  load: (trx: Trx) => Promise<RequestRow | undefined>,
  step: DecisionStep,
  answer: (after: RequestRow, pv: PolicyVersion, judged: () => Promise<Judged>, now: Date) => Promise<T>,
): Promise<T | null> {
  const now = a.clock.now();
  const at = now.toISOString();
  // Its audit entries are appended last, together (audit/chain.ts): the chain's lock, which every desk on the server
  // waits for, is then held from the transaction's last statements to its commit, not from its first entry on.
  return db.transaction().execute((trx) =>
    appendingAtEnd(trx, async () => {
      const req = await load(trx);
      if (!req) return null;
      const pv = await currentPolicy(trx, at);
      // A decision moves the request's status, holder or dates, never what the checks read (its files, answers,
      // applicant); a reroute, which changes the service, asks for none before it moves, so they judge the new one.
      // The rows the checks read are the case view's own (case-rows.ts): the detail takes them from here.
      let judged: Promise<Judged> | undefined;
      const judge = (row: RequestRow) => (judged ??= caseRows(trx, row.id).then((rows) => ({ rows, checks: checksOf(factsOfRows(row, rows), pv) })));
      const after = await step({ trx, a, at, req, pv, checks: async () => (await judge(req)).checks });
      return answer(after, pv, () => judge(after), now);
    }),
  );
}
