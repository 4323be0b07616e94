import type { DatabaseProblem } from '../../../shared/domain';

/** PostgreSQL's SQLSTATE classes and codes the Settings page words (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
const SQLSTATE: Record<string, DatabaseProblem> = {
  '28P01': 'auth_failed',
  '28000': 'auth_failed',
  '3D000': 'database_missing',
  '3F000': 'database_missing',
  '42501': 'permission_denied',
};

/** Node's and better-sqlite3's error codes. */
const CODES: Record<string, DatabaseProblem> = {
  ECONNREFUSED: 'connection_refused',
  ECONNRESET: 'connection_refused',
  EHOSTUNREACH: 'connection_refused',
  ENETUNREACH: 'connection_refused',
  ENOTFOUND: 'host_not_found',
  EAI_AGAIN: 'host_not_found',
  ETIMEDOUT: 'timeout',
  SQLITE_NOTADB: 'not_a_database',
  SQLITE_CORRUPT: 'not_a_database',
  SQLITE_CANTOPEN: 'cannot_open_file',
  SQLITE_PERM: 'permission_denied',
  SQLITE_READONLY: 'permission_denied',
  EACCES: 'permission_denied',
  EPERM: 'permission_denied',
  EISDIR: 'cannot_open_file',
};

/**
 * Why a database could not be used, as a code the page words in the user's language; the driver's
 * own English stays in the probe's `message` for support. Reads the error's code first (pg and
 * node put the SQLSTATE or errno there), its text only where drivers give nothing better.
 */
export function probeProblem(e: unknown): DatabaseProblem {
  const code = typeof e === 'object' && e !== null ? String((e as { code?: unknown }).code ?? '') : '';
  const found = SQLSTATE[code] ?? CODES[code];
  if (found) return found;
  const text = e instanceof Error ? e.message : String(e);
  if (/timeout|timed out/i.test(text)) return 'timeout';
  if (/ssl|tls|certificate/i.test(text)) return 'tls';
  if (/password authentication|authentication failed/i.test(text)) return 'auth_failed';
  if (/file is not a database/i.test(text)) return 'not_a_database';
  // An AggregateError (several addresses refused) carries the codes in its errors.
  const inner = (e as { errors?: unknown[] } | null)?.errors;
  if (Array.isArray(inner) && inner.length > 0) return probeProblem(inner[0]);
  return 'other';
}
