/**
 * Frozen. CPD audit (issue #20):
 * - cpd_samples: a period's random sample of renewals, the seed it was drawn with and a digest of the
 *   population it was drawn from (same seed, same population: same sample); one per period;
 * - cpd_audits: each renewal in the audit (sampled and/or flagged by a CPD risk signal) with its reasons;
 * - cpd_activity_decisions: one decision per CPD activity (accepted or refused with a reason); the key
 *   refuses a second decision on an activity.
 */
import type { Kysely } from 'kysely';
import { fractionType, serialKey } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('cpd_samples')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('period_start', 'text', (c) => c.notNull().unique())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('percent', fractionType(db), (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull())
    .addColumn('population_digest', 'text', (c) => c.notNull())
    .addColumn('sampled', 'integer', (c) => c.notNull())
    .addColumn('triggered', 'integer', (c) => c.notNull())
    .addColumn('drawn_by', 'integer', (c) => c.references('users.id'))
    .addColumn('drawn_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cpd_audits')
    .addColumn('request_id', 'integer', (c) => c.primaryKey().references('requests.id'))
    .addColumn('sample_id', 'integer', (c) => c.references('cpd_samples.id'))
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('completed_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('cpd_audits_open').on('cpd_audits').columns(['completed_at', 'request_id']).execute();

  await db.schema
    .createTable('cpd_activity_decisions')
    .addColumn('activity_id', 'integer', (c) => c.primaryKey().references('cpd_activities.id'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decided_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cpd_activity_decisions_request').on('cpd_activity_decisions').column('request_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('0150-cpd-audit cannot be undone: restore a backup instead');
}
