/**
 * Frozen. Policy what-if (issue #20): a saved policy version is `proposed` and takes effect only when a
 * second admin activates it (`activated_by`, `activated_at`); a proposal can be `withdrawn`. Every version
 * saved before this migration took effect when it was saved: it is `active`, activated by its author then.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('policy')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .execute();
  await db.schema.alterTable('policy').addColumn('activated_by', 'integer').execute();
  await db.schema.alterTable('policy').addColumn('activated_at', 'text').execute();
  await sql`UPDATE policy SET activated_by = created_by, activated_at = created_at`.execute(db);
  await db.schema.createIndex('policy_status').on('policy').columns(['status', 'version']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0160-policy-activation cannot be undone: restore a backup instead');
}
