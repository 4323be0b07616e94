/**
 * Frozen. The money path (domain.md "Fees, invoices and payments"): invoices carry their SADAD bill
 * number, due day, total, status and the policy version that priced them; payments carry the gateway's
 * transaction id (idempotent imports), where they came from and, for manual ones, maker and checker;
 * lines of a reconciliation file that match no invoice wait as unmatched payments; each imported file is
 * recorded; issued letters and certificates are kept with their case.
 */
import { sql, type Kysely } from 'kysely';
import { binaryType, serialKey } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('invoices').addColumn('sadad_bill_number', 'text').execute();
  await db.schema.alterTable('invoices').addColumn('due_on', 'text').execute();
  await db.schema.alterTable('invoices').addColumn('total_halalas', 'integer').execute();
  await db.schema.alterTable('invoices').addColumn('policy_version', 'integer').execute();
  // unpaid | partially_paid | paid | expired
  await db.schema
    .alterTable('invoices')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('paid'))
    .execute();
  await db.schema.alterTable('invoices').addColumn('paid_at', 'text').execute();
  // Invoices written before this version: their total from their lines, and what their payments say of them.
  await sql`UPDATE invoices SET total_halalas = (SELECT coalesce(sum(amount_halalas), 0) FROM invoice_lines l WHERE l.invoice_id = invoices.id)`.execute(
    db,
  );
  await sql`UPDATE invoices SET status = CASE
      WHEN (SELECT coalesce(sum(amount_halalas), 0) FROM payments p WHERE p.invoice_id = invoices.id) >= total_halalas THEN 'paid'
      WHEN EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = invoices.id) THEN 'partially_paid'
      ELSE 'unpaid' END`.execute(db);
  await db.schema.createIndex('invoices_sadad').unique().on('invoices').column('sadad_bill_number').execute();
  await db.schema.createIndex('invoices_number').unique().on('invoices').column('number').execute();
  await db.schema.createIndex('invoices_status_due').on('invoices').columns(['status', 'due_on']).execute();

  await db.schema.alterTable('payments').addColumn('transaction_id', 'text').execute();
  // reconciliation | manual | assigned (an unmatched line finance assigned) | legacy (before 0090)
  await db.schema
    .alterTable('payments')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('legacy'))
    .execute();
  // pending (a manual payment waiting for its checker) | confirmed | refused
  await db.schema
    .alterTable('payments')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('confirmed'))
    .execute();
  await db.schema.alterTable('payments').addColumn('recorded_by', 'integer').execute();
  await db.schema.alterTable('payments').addColumn('recorded_at', 'text').execute();
  await db.schema.alterTable('payments').addColumn('confirmed_by', 'integer').execute();
  await db.schema.alterTable('payments').addColumn('confirmed_at', 'text').execute();
  await db.schema.alterTable('payments').addColumn('proof_attachment_id', 'integer').execute();
  await db.schema.alterTable('payments').addColumn('import_id', 'integer').execute();
  await db.schema.alterTable('payments').addColumn('refusal_reason', 'text').execute();
  await db.schema.createIndex('payments_transaction').unique().on('payments').column('transaction_id').execute();
  await db.schema.createIndex('payments_status').on('payments').columns(['status', 'invoice_id']).execute();
  await db.schema.createIndex('payments_paid_at').on('payments').column('paid_at').execute();

  await db.schema
    .createTable('payment_imports')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'integer')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('lines', 'integer', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull())
    .addColumn('unmatched', 'integer', (c) => c.notNull())
    .addColumn('duplicates', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('unmatched_payments')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('transaction_id', 'text', (c) => c.notNull().unique())
    .addColumn('sadad_bill_number', 'text')
    .addColumn('invoice_number', 'text')
    .addColumn('amount_halalas', 'integer', (c) => c.notNull())
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer')
    .addColumn('received_at', 'text', (c) => c.notNull())
    // unmatched | assigned
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('unmatched'))
    .addColumn('payment_id', 'integer')
    .addColumn('assigned_by', 'integer')
    .addColumn('assigned_at', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('unmatched_payments_status').on('unmatched_payments').columns(['status', 'paid_at']).execute();

  await db.schema
    .createTable('issued_documents')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('request_id', 'integer', (c) => c.notNull().unique().references('requests.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('pdf', binaryType(db), (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'integer')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0090-money cannot be undone: restore a backup instead');
}
