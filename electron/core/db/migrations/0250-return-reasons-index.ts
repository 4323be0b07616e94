/**
 * Frozen. The dashboard's most given return reasons (issue #18): the returns' notes of a range, grouped by their
 * text, read from an index alone. Through notes_kind_at each note's row was read from the table, a year of returns at
 * 100,000 requests most of the dashboard's time. Both databases.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('notes_kind_at_text').on('notes').columns(['kind', 'at', 'text']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0250-return-reasons-index cannot be undone: restore a backup instead');
}
