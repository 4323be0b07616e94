/**
 * Frozen. Indexes PostgreSQL needs for the queues at a million requests (issue #18); SQLite's own serve it already.
 * A SQLite index holds each row's id, so (status, submitted_at) gives a status queue in its order (submitted_at,
 * id); PostgreSQL's does not, and its planner walked requests_submitted instead, filtering on the status: the New
 * queue's newest requests lie at the end of that order, and its first page read 440,000 rows (15 s) before the
 * first match. Likewise Mine (two statuses, one assignee) and the latest first signature of each request waiting
 * for a second one. Nothing on SQLite.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  // A status queue's page in its order (and its "due" order's tie-break), from the index alone.
  await db.schema.createIndex('requests_status_age').on('requests').columns(['status', 'submitted_at', 'id']).execute();
  // Mine: what one reviewer holds, in its order; its count reads this index alone.
  await sql`CREATE INDEX requests_mine ON requests (assignee_id, submitted_at, id) WHERE status IN ('in_review', 'resubmitted')`.execute(db);
  // Who signed a request first (its latest approval): the second-signature queue leaves out the viewer's own.
  await sql`CREATE INDEX status_history_approvals ON status_history (request_id, id) INCLUDE (actor_id) WHERE action = 'approve'`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0240-postgres-queue-indexes cannot be undone: restore a backup instead');
}
