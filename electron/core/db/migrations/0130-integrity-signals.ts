/**
 * Frozen. Look-ups for the integrity signals (issue #20), so they cost an index range per case at any size:
 * - signal_person_keys: per request its ID number ('id') and name keys ('name', electron/core/signals/name-key.ts,
 *   versioned inside the key) with the birth date, so "same ID" and "same name, birth date within the tolerance"
 *   are one index range each. Requests already stored are indexed here.
 * - photo_hashes / photo_hash_bands: a photo's perceptual hash and its bands (electron/core/signals/photo-hash.ts);
 *   filled on import and by the desk's catch-up (bytes may be in a folder or bucket this migration cannot read).
 * - attachments(sha256): the same file in other requests (reused-attachment, CPD's same certificate).
 */
import { sql, type Kysely } from 'kysely';
import { indexMissingPersons } from '../../signals/person-index';
import { isPostgres } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: this one makes its own, so a killed run leaves nothing half done.
  if (isPostgres(db)) await change(db);
  else await db.transaction().execute((trx) => change(trx));
}

async function change(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('signal_person_keys')
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('signal_person_keys_pk', ['request_id', 'kind', 'key'])
    .addCheckConstraint('signal_person_keys_kind', sql`kind IN ('id', 'name')`)
    .execute();
  await db.schema.createIndex('signal_person_keys_lookup').on('signal_person_keys').columns(['kind', 'key', 'birth_date']).execute();
  await db.schema
    .createTable('photo_hashes')
    .addColumn('sha256', 'text', (c) => c.primaryKey().references('attachment_blobs.sha256').onDelete('cascade'))
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('photo_hash_bands')
    .addColumn('sha256', 'text', (c) => c.notNull().references('photo_hashes.sha256').onDelete('cascade'))
    .addColumn('band', 'integer', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('photo_hash_bands_pk', ['sha256', 'band'])
    .execute();
  await db.schema.createIndex('photo_hash_bands_lookup').on('photo_hash_bands').columns(['band', 'value']).execute();
  await db.schema.createIndex('attachments_sha256').on('attachments').columns(['sha256', 'request_id']).execute();
  await indexMissingPersons(db);
}
