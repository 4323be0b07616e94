/**
 * Frozen. The SLA due day (issue #17): `sla_due_on`, the Riyadh day by which the desk must decide the request,
 * kept by every transition in the transaction that makes it (electron/core/cases/sla-due.ts). NULL while the
 * request is with the applicant or once it is decided. Stored, not computed per listing, so a queue of
 * 100,000 requests sorts by it through an index. Rows already there are filled when the desk opens
 * (fillMissingDueDays): the due day depends on the policy in force, which a migration must not read.
 */
import type { Kysely } from 'kysely';
import { isPostgres } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: this one makes its own, so a killed run leaves nothing half done.
  if (isPostgres(db)) await change(db);
  else await db.transaction().execute((trx) => change(trx));
}

async function change(db: AnyDb): Promise<void> {
  await db.schema.alterTable('requests').addColumn('sla_due_on', 'text').execute();
  // Overdue first: a queue of one status (New, Resubmitted…), and every request (All).
  await db.schema.createIndex('requests_sla_due').on('requests').columns(['status', 'sla_due_on', 'submitted_at', 'id']).execute();
  await db.schema.createIndex('requests_sla_due_all').on('requests').columns(['sla_due_on', 'submitted_at', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0170-sla-due cannot be undone: restore a backup instead');
}
