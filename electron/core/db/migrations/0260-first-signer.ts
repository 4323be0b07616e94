/**
 * Frozen. Who signed a request first, on the request (issue #18): `first_signer_id`, the approver whose approval
 * sent it to a second signature, set while it waits there and NULL otherwise (kept by apply-transition.ts in the
 * transaction of each step). The second-signature queue leaves out the viewer's own first signatures; it read each
 * waiting request's latest approval from the history, which at 1,000,000 requests made every count of the queues
 * 130 ms on PostgreSQL. With the column and its index the count is the status tally less the viewer's own.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: this one makes its own, so a killed run leaves nothing half done.
  if (isPostgres(db)) await change(db);
  else await db.transaction().execute((trx) => change(trx));
}

async function change(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('requests')
    .addColumn('first_signer_id', 'integer', (c) => c.references('users.id'))
    .execute();
  await sql`UPDATE requests SET first_signer_id = (
      SELECT h.actor_id FROM status_history h WHERE h.request_id = requests.id AND h.action = 'approve' ORDER BY h.id DESC LIMIT 1
    ) WHERE status = 'awaiting_second_signature'`.execute(db);
  // Partial: only the requests waiting are in it (a few percent), and no other queue's page can take it for its own.
  await db.schema
    .createIndex('requests_first_signer')
    .on('requests')
    .column('first_signer_id')
    .where(sql.ref('status'), '=', sql.lit('awaiting_second_signature'))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0260-first-signer cannot be undone: restore a backup instead');
}
