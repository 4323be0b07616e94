/**
 * Frozen. SQLite: a request's latest approval and who gave it, from an index alone (issue #18). The second-signature
 * queue and its count leave out the requests the viewer signed first, which read each waiting request's latest
 * approval: through status_history_request that read every step of the request from the table (at 100,000
 * requests, most of the queue counts' time). PostgreSQL has its own, partial, index for this (0240).
 */
import type { Kysely } from 'kysely';
import { isPostgres } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) return;
  // Not partial as PostgreSQL's: SQLite takes a partial index only for a literal 'approve', never for a bound parameter.
  await db.schema.createIndex('status_history_latest_step').on('status_history').columns(['request_id', 'action', 'id', 'actor_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0249-latest-approval-index cannot be undone: restore a backup instead');
}
