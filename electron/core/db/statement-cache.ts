import type BetterSqlite3 from 'better-sqlite3';

/**
 * Kysely's SQLite dialect calls `prepare` for every query, so SQLite parses and plans the same
 * SQL again on every call. This wrapper hands Kysely the same prepared statement for the same
 * SQL text (better-sqlite3 statements are reusable), keeping the most recently used ones.
 * Everything else is the database itself.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, size = 500): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (source: string) => {
    let stmt = cache.get(source);
    if (stmt) {
      // Most recently used last, so the first key is the one to drop.
      cache.delete(source);
    } else {
      stmt = sqlite.prepare(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, stmt);
    return stmt;
  };
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'prepare') return prepare;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
