import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';

/**
 * The few places where SQLite and PostgreSQL need different SQL live here, one function each;
 * everything else in the desk is the same kysely query on both.
 */
export type Dialect = 'sqlite' | 'postgres';

/** A database or a transaction of any schema. */
type Executes = Pick<Kysely<unknown>, 'getExecutor'>;

/** Kysely keeps the adapter on its executor (also a transaction's); it is where the dialect is known. */
export function dialectOf(db: Executes): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The Riyadh calendar day (UTC+3, no daylight saving) of an instant stored as ISO-8601 text. */
export function riyadhDay(dialect: Dialect, column: string): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`to_char(${sql.ref(column)}::timestamptz at time zone 'UTC' + interval '3 hours', 'YYYY-MM-DD')`
    : sql<string>`date(${sql.ref(column)}, '+3 hours')`;
}

/**
 * Requests whose search text holds every one of `words` (each at least three letters, the
 * trigram length), each as literal text. SQLite: the FTS5 trigram table (a quoted phrase: % and _ are plain
 * characters there). PostgreSQL: LIKE with the wildcards escaped, which pg_trgm's GIN index serves.
 *
 * `walkInOrder` (SQLite): when the words match thousands of requests, reading the queue's order
 * index and stopping at the page's last row beats sorting every match; a unary + keeps SQLite
 * from driving the query by the match list instead.
 */
export function searchMatches(dialect: Dialect, words: readonly string[], walkInOrder = false): Expression<SqlBool> {
  if (dialect === 'postgres')
    return sql<SqlBool>`(${sql.join(
      words.map((w) => containsLiteral('requests.search_text', w)),
      sql` and `,
    )}${sql.join(
      // A whole reference is held by its one request alone: said outright, the planner reads it from the reference's
      // own index, where the trigram index intersected the "req-2026-" trigrams of every request (190 ms at 1 M).
      words.filter((w) => WHOLE_REFERENCE.test(w)).map((w) => sql` and requests.reference = ${w.toUpperCase()}`),
      sql``,
    )})`;
  const id = walkInOrder ? sql`+requests.id` : sql`requests.id`;
  return sql<SqlBool>`${id} in (select rowid from requests_fts where requests_fts match ${ftsPhrases(words)})`;
}

/** A request's whole reference as the search folds it (REQ-2026-000017 → req-2026-000017). */
const WHOLE_REFERENCE = /^req-\d{4}-\d{6}$/;

/** The FTS5 query of `words`: each a quoted phrase (so nothing in it is FTS syntax), all of them required. */
const ftsPhrases = (words: readonly string[]) => words.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');

/**
 * SQLite: how many requests hold every one of `words` (as searchMatches), counting at most `cap` + 1, from the
 * trigram table alone: its rows are the requests' (kept by 0050's triggers), so no request row is read. Undefined on
 * PostgreSQL, where the count is the requests' own.
 */
export async function searchMatchCount(db: Executes, words: readonly string[], cap: number): Promise<number | undefined> {
  if (dialectOf(db) === 'postgres') return undefined;
  const r = await sql<{
    n: number;
  }>`select count(*) as n from (select rowid from requests_fts where requests_fts match ${ftsPhrases(words)} limit ${cap + 1})`.execute(db);
  return Number(r.rows[0]!.n);
}

/** `text` with LIKE's wildcards (% and _) and its escape character (a backslash) made literal. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * `column` holds `text` as typed: % and _ match themselves, not "anything" (a search is literal text). The
 * same LIKE on both databases (the search text and the words are folded to lower case before they meet).
 */
export function containsLiteral(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`%${escapeLike(text)}%`} escape '\\'`;
}

/**
 * Serialises transactions that take the same `key` (the audit chain, number sequences) until
 * they commit. SQLite has one writer at a time already; PostgreSQL takes an advisory lock.
 * Advisory locks are the whole database's: the key is the desk's schema's (its first on the
 * search path) so desks in other schemas of the same database never wait for this one's chain.
 */
export async function serialise(db: Executes, key: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.' || ${key}))`.execute(db);
}
