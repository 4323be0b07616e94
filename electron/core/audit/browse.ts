/**
 * The Audit page's browse of the log: newest first, filtered by who acted, which request, which
 * action and which days, a page at a time. The log grows by every look at a case (a million entries
 * is a year of a busy desk), so a page starts below the entry number the previous one ended at
 * (keyset on the primary key, never OFFSET), and a filter the log has no index for reads at most
 * READ_BUDGET entries per call, saying where it stopped, instead of walking the whole log at once.
 */
import type { DeskDb } from '../db/connection';
import { DeskFault } from '../errors';
import { riyadhMidnight } from '../time/riyadh-day';
import { addDays } from '../time/day-arithmetic';
import type { AuditTrailEntry, AuditTrailPage } from '../../../shared/domain';

export interface AuditTrailFilter {
  actorId?: number | undefined;
  /** A request's reference: its entries are read through the (entity, entity_id, seq) index. */
  reference?: string | undefined;
  action?: string | undefined;
  /** Riyadh calendar days, both included. */
  from?: string | undefined;
  to?: string | undefined;
  /** Entries below this number (the previous page's `before`). */
  before?: number | undefined;
  limit: number;
}

/** Entries one call reads at most when a filter (user, action) has no index to go by. */
export const READ_BUDGET = 200_000;
/** An entry's recorded data is cut here on the page: it is context, not the record (the log keeps it whole). */
const DATA_SHOWN = 400;

/**
 * The first entry number written at or after `instant` (or one past the last): entries are appended
 * in time order, so a binary search over the primary key finds it in ~20 look-ups instead of a scan
 * of `at`, which has no index.
 */
async function firstSeqAtOrAfter(db: DeskDb, instant: string, lo: number, hi: number): Promise<number> {
  // Invariant: every entry below lo is earlier than instant; hi is the answer or past it.
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const row = await db.selectFrom('audit_log').select(['seq', 'at']).where('seq', '>=', mid).orderBy('seq').limit(1).executeTakeFirst();
    if (!row || row.seq >= hi) hi = mid;
    else if (row.at >= instant) hi = row.seq;
    else lo = row.seq + 1;
  }
  return lo;
}

/** One page of the audit log under `f`, newest first. */
export async function browseAuditTrail(db: DeskDb, f: AuditTrailFilter, readBudget = READ_BUDGET): Promise<AuditTrailPage> {
  // Two look-ups, not min() and max() in one: SQLite answers a lone min or max from the key, a pair by scanning the table.
  const firstRow = await db.selectFrom('audit_log').select('seq').orderBy('seq', 'asc').limit(1).executeTakeFirst();
  const lastRow = await db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (!firstRow || !lastRow) return { entries: [], before: null, readDownTo: null };
  const first = Number(firstRow.seq);
  // [lower, upper): the entry numbers this page may come from.
  let upper = Math.min(f.before ?? Infinity, Number(lastRow.seq) + 1);
  let lower = first;
  if (f.from) lower = Math.max(lower, await firstSeqAtOrAfter(db, riyadhMidnight(f.from), first, upper));
  if (f.to) upper = Math.min(upper, await firstSeqAtOrAfter(db, riyadhMidnight(addDays(f.to, 1)), lower, upper));

  let requestId: number | null = null;
  if (f.reference) {
    const reference = f.reference.trim().toUpperCase();
    const found = await db.selectFrom('requests').select('id').where('reference', '=', reference).executeTakeFirst();
    if (!found)
      throw new DeskFault('bad_input', `reference: no request has the reference ${reference}`, `reference: لا يوجد طلب بالرقم المرجعي ${reference}`);
    requestId = found.id;
  }
  if (lower >= upper) return { entries: [], before: null, readDownTo: null };

  // A request's entries come by their index, few enough to filter; the whole log by user or action is read in a bounded stretch.
  const bounded = requestId === null && (f.actorId !== undefined || f.action !== undefined);
  const floor = bounded ? Math.max(lower, upper - readBudget) : lower;
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.seq',
      'audit_log.at',
      'audit_log.actor_id',
      'users.username',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.data',
    ])
    .where('audit_log.seq', '<', upper)
    .where('audit_log.seq', '>=', floor);
  if (requestId !== null) q = q.where('audit_log.entity', '=', 'request').where('audit_log.entity_id', '=', String(requestId));
  if (f.actorId !== undefined) q = q.where('audit_log.actor_id', '=', f.actorId);
  if (f.action !== undefined) q = q.where('audit_log.action', '=', f.action);
  // The exact day bounds as well: near the edges a desk's clock may have written an entry a moment out of order.
  if (f.from) q = q.where('audit_log.at', '>=', riyadhMidnight(f.from));
  if (f.to) q = q.where('audit_log.at', '<', riyadhMidnight(addDays(f.to, 1)));
  const rows = await q
    .orderBy('audit_log.seq', 'desc')
    .limit(f.limit + 1)
    .execute();

  const page = rows.slice(0, f.limit);
  const before = rows.length > f.limit ? page[page.length - 1]!.seq : floor > lower ? floor : null;
  const readDownTo = rows.length > f.limit ? page[page.length - 1]!.seq : floor;
  return { entries: await withReferences(db, page), before, readDownTo };
}

type Row = {
  seq: number;
  at: string;
  actor_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  data: string;
};

/** Each request entry names its reference (one look-up for the page, not one per entry). */
async function withReferences(db: DeskDb, rows: Row[]): Promise<AuditTrailEntry[]> {
  const ids = [...new Set(rows.filter((r) => r.entity === 'request' && r.entity_id && /^\d+$/.test(r.entity_id)).map((r) => Number(r.entity_id)))];
  const references = new Map<number, string>();
  if (ids.length) {
    const found = await db.selectFrom('requests').select(['id', 'reference']).where('id', 'in', ids).execute();
    for (const r of found) references.set(r.id, r.reference);
  }
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    actorName: r.username,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    reference: r.entity === 'request' && r.entity_id ? (references.get(Number(r.entity_id)) ?? null) : null,
    data: r.data.length > DATA_SHOWN ? `${r.data.slice(0, DATA_SHOWN)}…` : r.data,
  }));
}
