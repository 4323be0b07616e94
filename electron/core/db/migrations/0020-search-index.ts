/**
 * Frozen. A normalised search text per request (names in both scripts, IDs,
 * mobile, reference), filled by the app, so queue search is one indexed lookup.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('requests')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('requests_service_status').on('requests').columns(['service', 'status']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0020-search-index cannot be undone: restore a backup instead');
}
