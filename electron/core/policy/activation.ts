/**
 * A proposed policy version takes effect only when a second admin activates it (issue #20): the proposer
 * never can, even racing another admin, and two activations at once make one. The audit entry names both.
 */
import type { DeskDb } from '../db/connection';
import type { Clock } from '../time/clock';
import type { PolicyVersionView, UserInfo } from '../../../shared/domain';
import { DeskFault, notFound } from '../errors';
import { appendAudit } from '../audit/chain';
import { serialise } from '../db/dialect';
import { policyHistory } from './versions';
import type { Trx } from '../cases/apply-transition';
import { currentPolicy } from './current-policy';
import { refreshDueDays } from '../cases/sla-due';

interface Admin {
  user: UserInfo;
  clock: Clock;
}

/** The proposal `version`, read inside the transaction after the policy lock: refused unless it still waits. */
async function waitingProposal(trx: Trx, version: number) {
  await serialise(trx, 'policy');
  const row = await trx
    .selectFrom('policy')
    .leftJoin('users', 'users.id', 'policy.created_by')
    .select(['policy.version', 'policy.status', 'policy.created_by', 'users.display_name as proposer'])
    .where('policy.version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound(`policy version ${version}`, `نسخة السياسة ${version}`, 'feminine');
  if (row.status !== 'proposed')
    throw new DeskFault(
      'conflict',
      `policy version ${version} is no longer waiting (${row.status === 'active' ? 'already activated' : 'withdrawn'})`,
      `نسخة السياسة ${version} لم تعد تنتظر (${row.status === 'active' ? 'فُعّلت' : 'سُحبت'})`,
    );
  return row;
}

const viewOf = async (db: DeskDb, version: number, at: string): Promise<PolicyVersionView> =>
  (await policyHistory(db, at)).find((v) => v.version === version)!;

/** Puts the proposal in force: by an admin other than its proposer; recorded with both names. */
export async function activatePolicy(db: DeskDb, a: Admin, version: number): Promise<PolicyVersionView> {
  const at = a.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const row = await waitingProposal(trx, version);
    if (row.created_by === a.user.id)
      throw new DeskFault(
        'forbidden',
        `you proposed policy version ${version}: another administrator must activate it`,
        `أنت من اقترح نسخة السياسة ${version}: يجب أن يفعّلها مشرف آخر`,
      );
    const done = await trx
      .updateTable('policy')
      .set({ status: 'active', activated_by: a.user.id, activated_at: at })
      .where('version', '=', version)
      .where('status', '=', 'proposed')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1)
      throw new DeskFault('conflict', `policy version ${version} is no longer waiting`, `نسخة السياسة ${version} لم تعد تنتظر`);
    // Its working days and holidays apply to every open request at once: their due days move with it.
    await refreshDueDays(trx, (await currentPolicy(trx, at)).policy, { onlyMissing: false });
    await appendAudit(trx, {
      at,
      actorId: a.user.id,
      action: 'policy.activate',
      entity: 'policy',
      entityId: version,
      data: { version, proposedBy: row.proposer ?? null, proposedById: row.created_by, activatedBy: a.user.displayName, activatedById: a.user.id },
    });
  });
  return viewOf(db, version, at);
}

/** Withdraws a waiting proposal (its proposer or another admin): it never takes effect. */
export async function withdrawPolicy(db: DeskDb, a: Admin, version: number): Promise<PolicyVersionView> {
  const at = a.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const row = await waitingProposal(trx, version);
    await trx.updateTable('policy').set({ status: 'withdrawn' }).where('version', '=', version).where('status', '=', 'proposed').execute();
    await appendAudit(trx, {
      at,
      actorId: a.user.id,
      action: 'policy.withdraw',
      entity: 'policy',
      entityId: version,
      data: { version, proposedBy: row.proposer ?? null, withdrawnBy: a.user.displayName },
    });
  });
  return viewOf(db, version, at);
}
