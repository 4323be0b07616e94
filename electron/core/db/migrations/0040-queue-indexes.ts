/** Frozen. Indexes for the hot paths at 100,000 requests (npm run bench): queues, claim next, a case's own rows. */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('requests_submitted').on('requests').columns(['submitted_at', 'id']).execute();
  await db.schema.createIndex('requests_claimable').on('requests').columns(['status', 'assignee_id', 'submitted_at', 'id']).execute();
  await db.schema.createIndex('refunds_status').on('refunds').columns(['status', 'request_id']).execute();
  // A request's own rows, read with every case and replaced with every resubmission.
  await db.schema.createIndex('cpd_activities_request').on('cpd_activities').column('request_id').execute();
  await db.schema.createIndex('experiences_request').on('experiences').column('request_id').execute();
  await db.schema.createIndex('assessments_request').on('assessments').column('request_id').execute();
  // A case's own audit entries, shown in its timeline.
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id', 'seq']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0040-queue-indexes cannot be undone: restore a backup instead');
}
