/** Frozen. Indexes for the dashboard at 100,000 requests: decisions and returns by day, notes by day, refunds paid by day. */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Covering: counts by status, service and day read the index alone.
  await db.schema.createIndex('requests_submitted_status_service').on('requests').columns(['submitted_at', 'status', 'service']).execute();
  await db.schema.createIndex('status_history_action_at').on('status_history').columns(['action', 'at']).execute();
  await db.schema.createIndex('notes_kind_at').on('notes').columns(['kind', 'at']).execute();
  await db.schema.createIndex('refunds_status_paid').on('refunds').columns(['status', 'paid_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0070-report-indexes cannot be undone: restore a backup instead');
}
