/**
 * Frozen. Saved queue views (issue #17): a queue with its filters, search and order kept under a
 * name, for the user who saved it (`scope_key` 'u<id>') or shared by a supervisor with everyone or
 * one role (`scope_key` 'shared', `audience` 'everyone' or the role). The unique key refuses a second
 * view of the same name in one scope, even when two desks save it at the same moment.
 */
import type { Kysely } from 'kysely';
import { serialKey } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('audience', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('view', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('saved_views_scope_name', ['scope_key', 'name'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0190-saved-views cannot be undone: restore a backup instead');
}
