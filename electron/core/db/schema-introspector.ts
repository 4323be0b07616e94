import {
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type PostgresDialectConfig,
  type DatabaseMetadata,
  type Kysely,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';

/**
 * What kysely's Migrator asks of a PostgreSQL database (does the migration table exist, does the
 * schema exist), answered from the desk's own schema only. Kysely's own introspector reads every
 * schema and calls has_schema_privilege on each; when another schema is dropped during that read
 * (another desk on the server removed, a test desk closing) the call fails with `schema … does not
 * exist` and this desk's start fails with it. Only table names are needed: columns are not read.
 */
export class SchemaIntrospector implements DatabaseIntrospector {
  constructor(
    private readonly db: Kysely<unknown>,
    private readonly schema: string,
  ) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const r = await sql<{ name: string }>`SELECT nspname AS name FROM pg_catalog.pg_namespace WHERE nspname = ${this.schema}`.execute(this.db);
    return r.rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const r = await sql<{ name: string; kind: string }>`
      SELECT c.relname AS name, c.relkind AS kind
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
      WHERE ns.nspname = ${this.schema} AND c.relkind IN ('r', 'v', 'p')
      ORDER BY c.relname`.execute(this.db);
    return r.rows.map((t) => ({ name: t.name, schema: this.schema, isView: t.kind === 'v', columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

/** PostgreSQL as a desk opens it: introspection kept to the desk's schema. */
export class DeskPostgresDialect extends PostgresDialect {
  constructor(
    config: PostgresDialectConfig,
    private readonly schema: string,
  ) {
    super(config);
  }

  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SchemaIntrospector(db, this.schema);
  }
}
