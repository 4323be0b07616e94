/** The latest step of a request's history of one kind: who last approved it, when it was last claimed, … */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

export type StepWhere = { action: string } | { toStatus: string };

export interface Step {
  at: string;
  actorId: number | null;
  fromStatus: string | null;
}

/** The newest history row taking `action` (or reaching `toStatus`), or undefined when there is none. */
export async function latestStep(db: Kysely<Database> | Transaction<Database>, requestId: number, where: StepWhere): Promise<Step | undefined> {
  let q = db.selectFrom('status_history').select(['at', 'actor_id', 'from_status']).where('request_id', '=', requestId);
  q = 'action' in where ? q.where('action', '=', where.action) : q.where('to_status', '=', where.toStatus);
  const row = await q.orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row && { at: row.at, actorId: row.actor_id, fromStatus: row.from_status };
}
