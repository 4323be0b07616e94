/**
 * Frozen. The public halves of the card-signing keys of every desk on this database, so a card
 * printed at one desk verifies at any other (team deployment). Private keys never enter the database.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('signing_keys')
    .addColumn('fingerprint', 'text', (c) => c.primaryKey())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0080-signing-keys cannot be undone: restore a backup instead');
}
