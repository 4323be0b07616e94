import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, AuditLogRow } from '../db/schema';
import type { DeskDb } from '../db/connection';
import { serialise } from '../db/dialect';
import type { AuditVerification } from '../../../shared/domain';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  actorId: number | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  data?: Record<string, unknown>;
}

/** JSON with keys sorted at every depth: the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** The hash of one entry over its content and the previous entry's hash (exported for tests that forge a chain). */
export function hashOf(row: Omit<AuditLogRow, 'hash'>): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        seq: row.seq,
        at: row.at,
        actor_id: row.actor_id,
        action: row.action,
        entity: row.entity,
        entity_id: row.entity_id,
        data: row.data,
        prev_hash: row.prev_hash,
      }),
    )
    .digest('hex');
}

/** Entries held back by `appendingAtEnd`, by the transaction they belong to. */
const heldBack = new WeakMap<object, AuditEntry[]>();

/**
 * Runs `work` inside `trx` with every entry it appends there held back and appended together when it is done, in
 * the order they were made, just before the transaction commits. The chain's lock (below) lasts until commit: taken
 * at the end, a decision holds it for its last three statements instead of from its first entry on, and the other
 * desks on the server wait that much less (bench/team.ts). If `work` throws, nothing of it is appended.
 */
export async function appendingAtEnd<T>(trx: Transaction<Database>, work: () => Promise<T>): Promise<T> {
  const held: AuditEntry[] = [];
  heldBack.set(trx, held);
  try {
    const result = await work();
    heldBack.delete(trx);
    await appendEntries(trx, held);
    return result;
  } finally {
    heldBack.delete(trx);
  }
}

/**
 * Appends one entry; call inside the transaction of the change it records. Answers its place in the chain, or null
 * when `appendingAtEnd` holds it back (its place is given when the transaction's entries are appended).
 */
export async function appendAudit(trx: Transaction<Database> | DeskDb, entry: AuditEntry): Promise<number | null> {
  const held = heldBack.get(trx);
  if (!held) return appendEntries(trx, [entry]);
  held.push(entry);
  return null;
}

/** Links `entries` to the chain's last entry and to each other, writes them in one statement, and answers the last seq. */
async function appendEntries(trx: Transaction<Database> | DeskDb, entries: readonly AuditEntry[]): Promise<number | null> {
  if (entries.length === 0) return null;
  // One chain: desks sharing a PostgreSQL database append one at a time (the lock lasts until commit).
  await serialise(trx, 'audit_log');
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS_HASH;
  const rows = entries.map((entry) => {
    const row = {
      seq: ++seq,
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      data: canonicalJson(entry.data ?? {}),
      prev_hash: prev,
    };
    prev = hashOf(row);
    return { ...row, hash: prev };
  });
  await trx.insertInto('audit_log').values(rows).execute();
  return seq;
}

/** Walks the chain in order and names the first entry that does not hash or link right. */
export async function verifyAuditChain(db: DeskDb): Promise<AuditVerification> {
  const pageSize = 5000;
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    for (const row of rows) {
      // The English wording is read back by the Audit page (renderer/src/pages/audit/verify-summary.ts): keep it.
      const broken = (reason: string, reasonAr: string): AuditVerification => ({ ok: false, entries, brokenAt: row.seq, reason, reasonAr });
      if (row.seq !== expectedSeq)
        return { ok: false, entries, brokenAt: expectedSeq, reason: `entry ${expectedSeq} is missing`, reasonAr: `القيد ${expectedSeq} مفقود` };
      if (row.prev_hash !== prev)
        return broken(`entry ${row.seq} does not link to entry ${row.seq - 1}`, `القيد ${row.seq} لا يرتبط بالقيد ${row.seq - 1}`);
      if (hashOf(row) !== row.hash) return broken(`entry ${row.seq} was changed after it was written`, `عدل القيد ${row.seq} بعد كتابته`);
      prev = row.hash;
      expectedSeq += 1;
      entries += 1;
    }
    if (rows.length < pageSize) return { ok: true, entries, brokenAt: null, reason: null, reasonAr: null };
  }
}
