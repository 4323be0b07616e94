/**
 * Where the case database is: a SQLite file (one office) or a PostgreSQL server (a team of desks).
 * `MUMARIS_DB`, `--db` and the admin's saved setting all name it the same way.
 */
export type DatabaseLocation =
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema: string; poolSize: number; ssl: PostgresTls };

/** `disable` | `require` (encrypted, certificate not checked) | `verify-full` (checked against the system's or `sslrootcert`'s CAs). */
export const TLS_MODES = ['disable', 'require', 'verify-full'] as const;
export type PostgresTls = (typeof TLS_MODES)[number];
const isTls = (x: string): x is PostgresTls => (TLS_MODES as readonly string[]).includes(x);

export const isPostgresUrl = (text: string) => /^postgres(ql)?:\/\//i.test(text.trim());

/**
 * Parses a location. A PostgreSQL URL may carry `schema` (default public), `pool` (connections
 * this desk keeps, default 5) and `sslmode`; everything else is the server's own.
 */
export function parseLocation(text: string): DatabaseLocation {
  if (!isPostgresUrl(text)) return { kind: 'sqlite', file: text };
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error(`the PostgreSQL address is not a valid URL: ${maskPassword(text)}`);
  }
  if (!url.hostname) throw new Error(`the PostgreSQL address names no server: ${maskPassword(text)}`);
  if (url.pathname.length <= 1)
    throw new Error(`the PostgreSQL address names no database (postgres://user@host:5432/DATABASE): ${maskPassword(text)}`);
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`schema "${schema}" must be lower-case letters, digits and _`);
  const pool = Number(url.searchParams.get('pool') ?? '5');
  if (!Number.isInteger(pool) || pool < 1 || pool > 50) throw new Error(`pool=${url.searchParams.get('pool')} must be a whole number from 1 to 50`);
  const ssl = url.searchParams.get('sslmode') ?? 'disable';
  if (!isTls(ssl)) throw new Error(`sslmode=${ssl} must be one of ${TLS_MODES.join(', ')}`);
  for (const own of ['schema', 'pool', 'sslmode']) url.searchParams.delete(own);
  return { kind: 'postgres', url: url.toString(), schema, poolSize: pool, ssl };
}

/** A throwaway SQLite database (tests): no file, so no backups and no key beside it. */
export const inMemory = (loc: DatabaseLocation) => loc.kind === 'sqlite' && (loc.file === ':memory:' || loc.file === '');

/** A PostgreSQL address with the desk's own parameters (schema, pool) set on it. */
export function withDeskParams(url: string, params: { schema?: string; pool?: number }): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, String(v));
  return u.toString();
}

/** The address without its password, for screens and logs. */
export function maskPassword(text: string): string {
  return text.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}

/** One line naming the database, never its password. */
export function describeLocation(loc: DatabaseLocation): string {
  if (loc.kind === 'sqlite') return loc.file;
  const u = new URL(loc.url);
  return `postgres://${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname} (schema ${loc.schema}, TLS ${loc.ssl})`;
}
