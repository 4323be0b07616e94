/** The latest step of a request's history of one kind: who last approved it, when it was last claimed, … */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, StatusHistoryTable } from '../db/schema';
import type { Status } from '../../../shared/domain';

export type HistoryWhere = { action: string } | { toStatus: Status };

export type HistoryRow = Selectable<StatusHistoryTable>;

/** The newest status_history row of the request taking `action` (or reaching `toStatus`), or undefined when there is none. */
export async function lastHistory(
  db: Kysely<Database> | Transaction<Database>,
  requestId: number,
  where: HistoryWhere,
): Promise<HistoryRow | undefined> {
  let q = db.selectFrom('status_history').selectAll().where('request_id', '=', requestId);
  q = 'action' in where ? q.where('action', '=', where.action) : q.where('to_status', '=', where.toStatus);
  return q.orderBy('id', 'desc').limit(1).executeTakeFirst();
}
