import { sql, type RawBuilder } from 'kysely';

/**
 * The few SQL pieces that differ between databases live here, one function each. SQLite stores
 * instants as ISO-8601 text; the Riyadh calendar day is UTC+3 (no daylight saving).
 */
export function riyadhDay(column: string): RawBuilder<string> {
  return sql<string>`date(${sql.ref(column)}, '+3 hours')`;
}
