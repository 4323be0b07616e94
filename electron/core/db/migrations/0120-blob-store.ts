/**
 * Frozen. Attachments' bytes may live outside the database (electron/core/blobs): `data` becomes
 * nullable and `stored` says where a row's bytes are ('database' | 'folder' | 's3'). The bytes are in
 * the row exactly when stored = 'database' (a CHECK keeps the two in step).
 */
import { sql, type Kysely } from 'kysely';
import { binaryType, isPostgres } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

const STORED_CHECK = `stored IN ('database', 'folder', 's3') AND ((stored = 'database') = (data IS NOT NULL))`;

export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await sql`ALTER TABLE attachment_blobs ALTER COLUMN data DROP NOT NULL`.execute(db);
    await db.schema
      .alterTable('attachment_blobs')
      .addColumn('stored', 'text', (c) => c.notNull().defaultTo('database'))
      .execute();
    await sql`ALTER TABLE attachment_blobs ADD CONSTRAINT attachment_blobs_stored CHECK (${sql.raw(STORED_CHECK)})`.execute(db);
    await db.schema.createIndex('attachment_blobs_stored').on('attachment_blobs').column('stored').execute();
    return;
  }
  // SQLite cannot drop a NOT NULL: the table is rebuilt (sqlite.org/lang_altertable.html, "other kinds of
  // table schema changes"), foreign keys off so dropping the old table does not cascade into attachments,
  // and checked before the commit. Kysely runs SQLite migrations outside a transaction: this one is its own.
  const has = await sql<{ name: string }>`SELECT name FROM pragma_table_info('attachment_blobs') WHERE name = 'stored'`.execute(db);
  if (has.rows.length > 0) return; // done by a run that was killed before kysely recorded it
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await sql`BEGIN IMMEDIATE`.execute(db);
    try {
      await db.schema
        .createTable('attachment_blobs_0120')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('data', binaryType(db))
        .addColumn('stored', 'text', (c) => c.notNull().defaultTo('database'))
        .addCheckConstraint('attachment_blobs_stored', sql.raw(STORED_CHECK))
        .execute();
      await sql`INSERT INTO attachment_blobs_0120 (sha256, size, mime, data, stored)
        SELECT sha256, size, mime, data, 'database' FROM attachment_blobs`.execute(db);
      await sql`DROP TABLE attachment_blobs`.execute(db);
      await sql`ALTER TABLE attachment_blobs_0120 RENAME TO attachment_blobs`.execute(db);
      await db.schema.createIndex('attachment_blobs_stored').on('attachment_blobs').column('stored').execute();
      const broken = await sql`PRAGMA foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error(`0120: ${broken.rows.length} foreign key(s) broken by the rebuild of attachment_blobs`);
      await sql`COMMIT`.execute(db);
    } catch (e) {
      await sql`ROLLBACK`.execute(db);
      throw e;
    }
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}
