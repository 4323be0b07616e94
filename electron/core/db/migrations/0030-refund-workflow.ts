/** Frozen. Who asked for a refund, who approved and paid it, and when (maker-checker). */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('refunds')
    .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.alterTable('refunds').addColumn('requested_at', 'text').execute();
  await db.schema.alterTable('refunds').addColumn('computed_at', 'text').execute();
  await db.schema.alterTable('refunds').addColumn('approved_at', 'text').execute();
  await db.schema
    .alterTable('refunds')
    .addColumn('paid_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.alterTable('refunds').addColumn('paid_at', 'text').execute();
  await db.schema.createIndex('refunds_request').on('refunds').columns(['request_id', 'status']).execute();
  await db.schema.createIndex('invoices_request').on('invoices').column('request_id').execute();
  await db.schema.createIndex('payments_invoice').on('payments').column('invoice_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('0030-refund-workflow cannot be undone: restore a backup instead');
}
