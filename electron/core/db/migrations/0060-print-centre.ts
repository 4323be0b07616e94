/** Frozen. The print centre: every print and reprint of a card, with who, when and why. */
import type { Kysely } from 'kysely';
import { serialKey } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('card_prints')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('card_id', 'integer', (c) => c.notNull().references('cards.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('layout', 'text', (c) => c.notNull())
    /** Null for the first print; a reprint says why. */
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('card_prints_card').on('card_prints').columns(['card_id', 'id']).execute();
  await db.schema.createIndex('cards_request').on('cards').columns(['request_id', 'status']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0060-print-centre cannot be undone: restore a backup instead');
}
