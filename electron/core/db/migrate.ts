import { Migrator, type Kysely, type MigrationProvider, type Migration } from 'kysely';
import { MIGRATIONS } from './migrations';
import { DeskFault } from '../errors';

/** Kysely's in-code provider: the bundled main process cannot read a migrations folder at run time. */
function providerUpTo(last?: string): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, migration] of MIGRATIONS) {
        out[name] = migration;
        if (name === last) break;
      }
      return out;
    },
  };
}

export const LATEST_SCHEMA = MIGRATIONS[MIGRATIONS.length - 1]![0];

/** Names of the migrations already applied to this database, in order. */
export async function appliedMigrations(db: Kysely<unknown>, schema?: string): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration' && (!schema || t.schema === schema))) return [];
  const inSchema = schema ? db.withSchema(schema) : db;
  const rows = await (inSchema as Kysely<{ kysely_migration: { name: string } }>)
    .selectFrom('kysely_migration')
    .select('name')
    .orderBy('name')
    .execute();
  return rows.map((r) => r.name);
}

/** What this desk makes of a database's applied migrations: how many it knows, how many it would add, and any from a newer desk. */
export function migrationState(applied: readonly string[]): { applied: number; pending: number; newer: string[] } {
  const known = new Set(MIGRATIONS.map(([name]) => name));
  return {
    applied: applied.filter((n) => known.has(n)).length,
    pending: MIGRATIONS.filter(([n]) => !applied.includes(n)).length,
    newer: applied.filter((n) => !known.has(n)),
  };
}

/**
 * Brings the database to `target` (default: the latest). A database that holds a
 * migration this build does not know comes from a newer desk: it is refused, never touched.
 */
export async function migrate(db: Kysely<unknown>, opts: { target?: string; schema?: string } = {}): Promise<void> {
  const unknown = migrationState(await appliedMigrations(db, opts.schema)).newer;
  if (unknown.length > 0) {
    throw new DeskFault(
      'conflict',
      `This database was written by a newer version of the desk (migration ${unknown[0]}); update the desk before opening it.`,
      `قاعدة البيانات هذه من إصدار أحدث من المكتب (${unknown[0]})؛ حدّث البرنامج قبل فتحها.`,
    );
  }
  // On PostgreSQL the migration tables sit in the desk's schema; kysely locks them, so desks starting together migrate once.
  const migrator = new Migrator({ db, provider: providerUpTo(opts.target), ...(opts.schema ? { migrationTableSchema: opts.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
