/**
 * Frozen. The outbox leaves the desk (issue #21): each row is one message on one channel
 * ('email' | 'sms') with its delivery state, the worker's claim and lease, the back-off, the
 * relay's answer and a Message-ID every try repeats (so a relay can tell a retry from a new
 * message). `attachment` names the PDF that goes with it ('letter' = the issued document);
 * `copy_of` links an SMS to the e-mail it copies.
 * Rows sent before this migration are 'sent'; every old row gets its own Message-ID.
 * delivery_attempts keeps the proof: each try, resend and cancel with its answer.
 */
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { isPostgres, serialKey } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: this one makes its own, so a killed run leaves nothing half done.
  if (isPostgres(db)) await change(db);
  else await db.transaction().execute((trx) => change(trx));
}

async function change(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('outbox')
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo('email'))
    .execute();
  await db.schema
    .alterTable('outbox')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('queued'))
    .execute();
  await db.schema
    .alterTable('outbox')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('outbox').addColumn('next_attempt_at', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('last_error', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('relay_answer', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('message_id', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('claimed_by', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('claimed_until', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('attachment', 'text').execute();
  await db.schema
    .alterTable('outbox')
    .addColumn('copy_of', 'integer', (c) => c.references('outbox.id'))
    .execute();

  await sql`UPDATE outbox SET state = 'sent' WHERE sent_at IS NOT NULL`.execute(db);
  // A Message-ID for every old row, made here rather than by the database (SQLite and PostgreSQL make random text differently).
  for (;;) {
    const rows = await db.selectFrom('outbox').select('id').where('message_id', 'is', null).limit(500).execute();
    if (rows.length === 0) break;
    for (const r of rows as Array<{ id: number }>)
      await db
        .updateTable('outbox')
        .set({ message_id: `<outbox-${r.id}.${randomUUID()}@mumaris-desk>` })
        .where('id', '=', r.id)
        .execute();
  }
  await db.schema.createIndex('outbox_message_id').unique().on('outbox').column('message_id').execute();
  // One SMS copy per e-mail, however many desks take it at once.
  await db.schema.createIndex('outbox_copy_of').unique().on('outbox').column('copy_of').execute();
  // The worker's pick: the oldest due row of a state.
  await db.schema.createIndex('outbox_pick').on('outbox').columns(['state', 'next_attempt_at', 'id']).execute();

  await db.schema
    .createTable('delivery_attempts')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('outbox_id', 'integer', (c) => c.notNull().references('outbox.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('delivery_attempts_outbox').on('delivery_attempts').columns(['outbox_id', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0110-outbox-delivery cannot be undone: restore a backup instead');
}
