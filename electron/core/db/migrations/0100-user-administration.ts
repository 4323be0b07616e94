/**
 * Frozen. User administration and sign-in guarantees:
 * - users: who created the account and who last reset its password (four-eyes: neither may
 *   countersign for them), a password the user must change at next sign-in, and the lockout's
 *   window and back-off (`attempts_since_lock`, `lockouts`) beside the existing failure count;
 * - sign_in_sources: failures and lockout per client address ('local' for the desktop app);
 * - role_grants: roles an admin asked for, waiting for a second admin (`pending`), or given at
 *   once on a desk with a single admin and waiting for the next admin's review (`flagged`).
 */
import { sql, type Kysely } from 'kysely';
import { serialKey } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('attempts_since_lock', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('lockouts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('created_by', 'integer').execute();
  await db.schema.alterTable('users').addColumn('password_reset_by', 'integer').execute();
  // Accounts made before this migration: their creator is in the audit chain.
  await sql`UPDATE users SET created_by = (
      SELECT a.actor_id FROM audit_log a
      WHERE a.action = 'user.create' AND a.entity = 'user' AND a.entity_id = CAST(users.id AS TEXT)
      ORDER BY a.seq LIMIT 1)`.execute(db);

  await db.schema
    .createTable('sign_in_sources')
    .addColumn('source', 'text', (c) => c.primaryKey())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts_since_lock', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lockouts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_failure_at', 'text')
    .execute();

  await db.schema
    .createTable('role_grants')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('role_grants_user').on('role_grants').columns(['user_id', 'status']).execute();
  await db.schema.createIndex('role_grants_status').on('role_grants').column('status').execute();
}

export async function down(): Promise<void> {
  throw new Error('0100-user-administration cannot be undone: restore a backup instead');
}
