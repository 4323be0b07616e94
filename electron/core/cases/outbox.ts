import { sql, type Selectable, type SqlBool } from 'kysely';
import type { OutboxTable } from '../db/schema/delivery';
import type { DeskDb } from '../db/connection';
import { DeskFault } from '../errors';
import { DELIVERY_STATES, type DeliveryState, type OutboxMessage, type UserInfo } from '../../../shared/domain';
import { refuseContactSearch, visibilityOf } from '../auth/visibility';

export interface OutboxQuery {
  limit: number;
  state?: DeliveryState | undefined;
  /** The reference, the address (only for roles that see contact details) or a subject. */
  search?: string | undefined;
}

const COLUMNS = [
  'outbox.id',
  'outbox.request_id',
  'requests.reference',
  'outbox.to_address',
  'outbox.kind',
  'outbox.subject_ar',
  'outbox.subject_en',
  'outbox.body_ar',
  'outbox.body_en',
  'outbox.created_at',
  'outbox.sent_at',
  'outbox.channel',
  'outbox.state',
  'outbox.attempts',
  'outbox.next_attempt_at',
  'outbox.last_error',
  'outbox.relay_answer',
  'outbox.message_id',
  'outbox.attachment',
] as const;

/**
 * The newest applicant messages first, with where each stands on its way out (electron/core/delivery).
 * Cut to the viewer's roles (auth/visibility.ts): the address only for roles that see contact details
 * (and a search by address only for them: it would otherwise tell who was written to), the body (notes
 * to the applicant, reasons) only for roles that see what was written to the applicant.
 */
export async function listOutbox(db: DeskDb, query: OutboxQuery, viewer: Pick<UserInfo, 'roles'>): Promise<OutboxMessage[]> {
  const v = visibilityOf(viewer);
  let q = db.selectFrom('outbox').leftJoin('requests', 'requests.id', 'outbox.request_id').select(COLUMNS);
  if (query.state) q = q.where('outbox.state', '=', query.state);
  const search = query.search?.trim().toLowerCase();
  if (search) {
    refuseAddressSearch(viewer, search);
    // Literal text: LIKE's own wildcards are escaped, so "50%" or "a_b" find exactly that; lower() on both sides, as PostgreSQL's LIKE minds case.
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const contains = (column: string, lower = true) =>
      lower ? sql<SqlBool>`lower(${sql.ref(column)}) like ${like} escape '\\'` : sql<SqlBool>`${sql.ref(column)} like ${like} escape '\\'`;
    q = q.where((eb) =>
      eb.or([
        contains('requests.reference'),
        contains('outbox.subject_ar', false),
        contains('outbox.subject_en'),
        ...(v.contact ? [contains('outbox.to_address')] : []),
      ]),
    );
  }
  const rows = await q.orderBy('outbox.id', 'desc').limit(query.limit).execute();
  return rows.map((r) => outboxView(r, v));
}

/**
 * A role that does not see applicants' addresses is told so when it searches by one (an e-mail
 * address or a mobile number), rather than shown "nothing found", which would read as "never written to".
 */
function refuseAddressSearch(viewer: Pick<UserInfo, 'roles'>, search: string): void {
  if (visibilityOf(viewer).contact) return;
  refuseContactSearch(viewer, search.split(/\s+/));
  if (search.includes('@'))
    throw new DeskFault(
      'forbidden',
      'search: your role does not see applicants’ e-mail addresses, so it cannot search by one',
      'search: لا يعرض لدورك البريد الإلكتروني للمتقدمين، فلا يمكنه البحث به',
    );
}

/** One message as `viewer` may see it. */
export async function outboxMessage(db: DeskDb, id: number, viewer: Pick<UserInfo, 'roles'>): Promise<OutboxMessage | null> {
  const r = await db
    .selectFrom('outbox')
    .leftJoin('requests', 'requests.id', 'outbox.request_id')
    .select(COLUMNS)
    .where('outbox.id', '=', id)
    .executeTakeFirst();
  return r ? outboxView(r, visibilityOf(viewer)) : null;
}

/** How many messages are in each state: the Outbox page's tabs and the dashboard's failing counter. */
export async function outboxCounts(db: DeskDb): Promise<Record<DeliveryState, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['state', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('state')
    .execute();
  const counts = Object.fromEntries(DELIVERY_STATES.map((s) => [s, 0])) as Record<DeliveryState, number>;
  for (const r of rows) if ((DELIVERY_STATES as readonly string[]).includes(r.state)) counts[r.state] = Number(r.n);
  return counts;
}

/** An outbox row as the lists read it: the message and its delivery, less the worker's claim, with the request's reference. */
type Row = Omit<Selectable<OutboxTable>, 'claimed_by' | 'claimed_until' | 'copy_of'> & { reference: string | null };

function outboxView(r: Row, v: ReturnType<typeof visibilityOf>): OutboxMessage {
  // A relay's answer often quotes the address ("550 <a@b>: no such user"): hidden where the address is.
  const hide = (s: string | null) => (s === null || v.contact || r.to_address === '' ? s : s.split(r.to_address).join('…'));
  return {
    id: r.id,
    requestId: r.request_id,
    reference: r.reference,
    to: v.contact ? r.to_address : '',
    subjectAr: r.subject_ar,
    subjectEn: r.subject_en,
    bodyAr: v.applicantNotes ? r.body_ar : '',
    bodyEn: v.applicantNotes ? r.body_en : '',
    createdAt: r.created_at,
    sentAt: r.sent_at,
    kind: r.kind,
    channel: r.channel,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: hide(r.last_error),
    relayAnswer: hide(r.relay_answer),
    messageId: r.message_id,
    hasAttachment: r.attachment !== null,
  };
}
