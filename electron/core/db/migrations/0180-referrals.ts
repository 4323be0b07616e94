/**
 * Frozen. Referrals (issue #17): the holder of a request in review asks a named colleague, or any approver
 * (`addressee_id` null), a question on the case; the answer comes back to the holder. A referral is `open`
 * until it is `answered`, `withdrawn` by its asker, or `closed` because the request left review (decided,
 * returned, released). At most one open referral per request: a partial unique index, on both databases.
 */
import { sql, type Kysely } from 'kysely';
import { serialKey } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('referrals')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('asked_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('addressee_id', 'integer', (c) => c.references('users.id'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('answered_at', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('closed_at', 'text')
    .addColumn('closed_reason', 'text')
    .execute();
  await db.schema.createIndex('referrals_request').on('referrals').columns(['request_id', 'id']).execute();
  // The "Questions for me" list and its count read open referrals by addressee.
  await db.schema.createIndex('referrals_waiting').on('referrals').columns(['state', 'addressee_id']).execute();
  await sql`CREATE UNIQUE INDEX referrals_one_open ON referrals (request_id) WHERE state = 'open'`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0180-referrals cannot be undone: restore a backup instead');
}
