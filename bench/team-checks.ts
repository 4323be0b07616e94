/**
 * What the team load test (bench/team.ts) checks in the database once every desk has stopped: the guarantees
 * many desks on one PostgreSQL must keep, read from the rows themselves rather than from what the desks said.
 */
import { openDatabase } from '../electron/core/db/connection';
import { verifyAuditChain } from '../electron/core/audit/chain';

export interface TeamVerdict {
  /** Requests this run's desks claimed more than once, or that two desks were told they decided: must be 0. */
  doubleClaims: number;
  /** Decisions a desk was told it made that the history does not hold: must be 0. */
  lostDecisions: number;
  /** Decisions in the history that no desk was told of (a commit its desk saw fail): must be 0. */
  untoldDecisions: number;
  /** History rows of this run without their audit entry, or audit entries without their row: must be 0. */
  unauditedSteps: number;
  auditChainOk: boolean;
  auditEntries: number;
}

export async function checkTeamRun(address: string, usernames: string[], told: number[]): Promise<TeamVerdict> {
  const { db, close } = await openDatabase(address);
  try {
    const users = (await db.selectFrom('users').select('id').where('username', 'in', usernames).execute()).map((u) => u.id);
    // Only this run's steps: the demo history has claims and decisions of its own.
    const steps = await db
      .selectFrom('status_history')
      .select(['request_id', 'action'])
      .where('actor_id', 'in', users)
      .where('action', 'in', ['claim', 'approve', 'return_to_applicant'])
      .execute();
    const claims = new Map<number, number>();
    const decided = new Set<number>();
    for (const s of steps) {
      if (s.action === 'claim') claims.set(s.request_id, (claims.get(s.request_id) ?? 0) + 1);
      else decided.add(s.request_id);
    }
    const toldOnce = new Set(told);
    const audited = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('actor_id', 'in', users)
      .where('action', 'in', ['request.claim', 'request.approve', 'request.return_to_applicant'])
      .executeTakeFirstOrThrow();
    const chain = await verifyAuditChain(db);
    return {
      doubleClaims: [...claims.values()].filter((n) => n > 1).length + (told.length - toldOnce.size),
      lostDecisions: told.filter((id) => !decided.has(id)).length,
      untoldDecisions: [...decided].filter((id) => !toldOnce.has(id)).length,
      unauditedSteps: Math.abs(steps.length - Number(audited.n)),
      auditChainOk: chain.ok && told.length > 0,
      auditEntries: chain.entries,
    };
  } finally {
    await close();
  }
}
