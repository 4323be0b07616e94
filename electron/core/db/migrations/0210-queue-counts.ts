/**
 * Frozen. The queue counts (issue #18, second pass): how many requests each status holds, kept by triggers
 * on `requests` in the transaction of every insert, status change and delete, wherever it is written.
 * Each change adds rows (+1 for the new status, -1 for the old) and never updates one: on PostgreSQL many
 * desks change statuses at once, and a counter row per status updated by each of them would make every
 * decision wait for the others' commits (and, with the audit chain's lock, deadlock). The reader sums by
 * status and folds the rows now and then (electron/core/cases/queue-counts.ts). Filled from the requests
 * already there.
 */
import { sql, type Kysely } from 'kysely';
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
    .createTable('queue_counts')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION queue_counts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN INSERT INTO queue_counts (status, n) VALUES (OLD.status, -1); END IF;
        IF TG_OP <> 'DELETE' THEN INSERT INTO queue_counts (status, n) VALUES (NEW.status, 1); END IF;
        RETURN NULL;
      END $$`.execute(db);
    await sql`CREATE TRIGGER queue_counts_insert_delete AFTER INSERT OR DELETE ON requests FOR EACH ROW EXECUTE FUNCTION queue_counts_keep()`.execute(
      db,
    );
    await sql`CREATE TRIGGER queue_counts_update AFTER UPDATE OF status ON requests FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION queue_counts_keep()`.execute(db);
  } else {
    await sql`CREATE TRIGGER queue_counts_insert AFTER INSERT ON requests
      BEGIN INSERT INTO queue_counts (status, n) VALUES (NEW.status, 1); END`.execute(db);
    await sql`CREATE TRIGGER queue_counts_delete AFTER DELETE ON requests
      BEGIN INSERT INTO queue_counts (status, n) VALUES (OLD.status, -1); END`.execute(db);
    await sql`CREATE TRIGGER queue_counts_update AFTER UPDATE OF status ON requests WHEN OLD.status IS NOT NEW.status
      BEGIN INSERT INTO queue_counts (status, n) VALUES (OLD.status, -1), (NEW.status, 1); END`.execute(db);
  }
  await sql`INSERT INTO queue_counts (status, n) SELECT status, count(*) FROM requests GROUP BY status`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0210-queue-counts cannot be undone: restore a backup instead');
}
