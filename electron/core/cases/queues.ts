import type { DeskDb } from '../db/connection';
import type { QueuePage, QueueRow, QueueSort, QueueViewFilters, UserInfo } from '../../../shared/domain';
import { riyadhDate } from '../time/riyadh-day';
import { workingDaysBetween } from '../time/working-days';
import { searchTokens } from './search-text';
import { closedDays, slaStanding } from './sla-clock';
import { referralMarks } from './referral-views';
import { currentPolicy } from '../policy/current-policy';
import { refuseContactSearch } from '../auth/visibility';
import { containsLiteral, dialectOf, searchMatchCount, searchMatches, type Dialect } from '../db/dialect';
import { parseSnapshot } from './applicant-snapshot';
import { inQueue, type RequestQuery } from './queue-membership';
import { talliedTotal } from './queue-counts';

/** A queue view (shared/domain/saved-views.ts: what a saved view keeps) and the page of it asked for. */
export interface QueueQuery extends QueueViewFilters {
  offset: number;
  limit: number;
}

/** How a search is read: driven by its matches, or (many matches, SQLite) by walking the queue's order. */
interface SearchPlan {
  dialect: Dialect;
  walkInOrder?: boolean;
}

type QueueView = Omit<QueueQuery, 'offset' | 'limit' | 'sort'>;

/** The requests of a queue view: the queue, its filters and its search. */
function view(db: DeskDb, user: UserInfo, query: QueueView, walkInOrder = false): RequestQuery {
  if (query.search) refuseContactSearch(user, searchTokens(query.search));
  return filtered(inQueue(db.selectFrom('requests'), query.queue, user), query, { dialect: dialectOf(db), walkInOrder });
}

/** The filters and search of a queue view, on top of the queue itself. */
function filtered(q: RequestQuery, f: QueueView, plan: SearchPlan): RequestQuery {
  if (f.service) q = q.where('requests.service', '=', f.service);
  if (f.status) q = q.where('requests.status', '=', f.status);
  if (f.assigneeId) q = q.where('requests.assignee_id', '=', f.assigneeId);
  // Dates are Riyadh calendar days; stored instants are UTC.
  if (f.submittedFrom) q = q.where('requests.submitted_at', '>=', new Date(`${f.submittedFrom}T00:00:00+03:00`).toISOString());
  if (f.submittedTo)
    q = q.where('requests.submitted_at', '<', new Date(new Date(`${f.submittedTo}T00:00:00+03:00`).getTime() + 86_400_000).toISOString());
  if (f.nationality || f.profession) {
    q = q.where('requests.practitioner_id', 'in', (eb) => {
      let p = eb.selectFrom('practitioners').select('practitioners.id');
      if (f.nationality) p = p.where('practitioners.nationality', '=', f.nationality);
      if (f.profession) p = p.where('practitioners.profession', '=', f.profession);
      return p;
    });
  }
  const tokens = f.search ? searchTokens(f.search) : [];
  const long = tokens.filter((t) => t.length >= 3);
  if (long.length) q = q.where(searchMatches(plan.dialect, long, plan.walkInOrder));
  // One- and two-letter words are too short for trigrams: a plain substring match, % and _ taken literally.
  for (const t of tokens.filter((x) => x.length < 3)) q = q.where(containsLiteral('requests.search_text', t));
  return q;
}

/** The requests of a queue view (queue, filters, search), counted; with `cap`, counting stops after cap + 1. */
export async function queueTotal(db: DeskDb, user: UserInfo, query: QueueView, cap?: number): Promise<number> {
  const base = view(db, user, query);
  if (cap === undefined) return Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  // All, searched and nothing else: the matches are counted in the search index, no request read (issue #18).
  const words = query.search ? searchTokens(query.search) : [];
  const searchOnly =
    query.queue === 'all' &&
    words.length > 0 &&
    words.every((w) => w.length >= 3) &&
    !Object.entries(query).some(([k, v]) => !SEARCH_ONLY.has(k) && Boolean(v));
  const indexed = searchOnly ? await searchMatchCount(db, words, cap) : undefined;
  if (indexed !== undefined) return indexed;
  const capped = await db
    .selectFrom(
      base
        .select('requests.id')
        .limit(cap + 1)
        .as('matches'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(capped.n);
}

/** What a view may hold and still be counted in the search index alone: the All queue, its order and page, a search. */
const SEARCH_ONLY = new Set(['queue', 'sort', 'search', 'offset', 'limit']);

/**
 * A search lists at most this many requests: a name as common as محمد matches a tenth of the
 * desk, and counting every match costs more than showing the page. Reviewers refine instead.
 */
export const SEARCH_LIST_CAP = 1_000;

/** A queue view's rows in its order, joined with the applicant; the caller pages it (the queue page, exports). */
export function queueRows(db: DeskDb, user: UserInfo, query: Omit<QueueQuery, 'offset' | 'limit'>, walkInOrder = false) {
  return joinedInOrder(view(db, user, query, walkInOrder), query.sort);
}

/** Requests in `sort`'s order, joined with their applicant and assignee: the columns a queue row is made of. */
function joinedInOrder(requests: RequestQuery, sort: QueueSort) {
  const rows = (sort === 'name' ? requests : inRequestOrder(requests, sort))
    .innerJoin('practitioners as p', 'p.id', 'requests.practitioner_id')
    .leftJoin('users as u', 'u.id', 'requests.assignee_id')
    .select([
      'requests.id',
      'requests.reference',
      'requests.service',
      'requests.status',
      'requests.submitted_at',
      'requests.version',
      'requests.return_due_at',
      'requests.sla_due_on',
      'requests.assignee_id',
      'requests.applicant_snapshot',
      'p.name_ar',
      'p.name_en',
      'p.id_number',
      'p.nationality',
      'p.profession',
      'p.specialty',
      'p.category',
      'p.email',
      'p.mobile',
      'u.display_name as assignee_name',
    ]);
  return sort === 'name' ? rows.orderBy('p.name_ar').orderBy('requests.id') : rows;
}

/**
 * Every order but the applicant's name, on the requests' own columns: the same for a page's ids (read from the
 * requests alone) and for the rows joined after.
 */
function inRequestOrder(q: RequestQuery, sort: Exclude<QueueSort, 'name'>): RequestQuery {
  // Overdue first (earliest due day first); requests whose clock does not run (with the applicant, decided) after them.
  if (sort === 'due')
    return q
      .orderBy('requests.sla_due_on', (ob) => ob.asc().nullsLast())
      .orderBy('requests.submitted_at')
      .orderBy('requests.id');
  if (sort === 'submitted_desc') return q.orderBy('requests.submitted_at', 'desc').orderBy('requests.id', 'desc');
  if (sort === 'reference') return q.orderBy('requests.reference');
  return q.orderBy('requests.submitted_at').orderBy('requests.id');
}

/** Where the previous page of a queue view ended, in its order: the next page starts after it. */
export interface QueueCursor {
  id: number;
  submitted_at: string;
  reference: string;
  name_ar: string;
  sla_due_on: string | null;
}

/**
 * The rows after `after` in the view's order (keyset paging): each page is an index seek, so
 * reading all 100,000 rows costs the same per page at the end as at the start (OFFSET re-reads
 * and re-joins every row it skips).
 */
export function queueRowsAfter(db: DeskDb, user: UserInfo, query: Omit<QueueQuery, 'offset' | 'limit'>, after: QueueCursor | null) {
  const rows = queueRows(db, user, query);
  if (!after) return rows;
  switch (query.sort) {
    case 'due': {
      const { sla_due_on: due, submitted_at: at, id } = after;
      // NULLS LAST: after a row with a due day come later days, then every row without one.
      return rows.where((eb) => {
        const laterSameDay = eb.or([
          eb('requests.submitted_at', '>', at),
          eb.and([eb('requests.submitted_at', '=', at), eb('requests.id', '>', id)]),
        ]);
        return due === null
          ? eb.and([eb('requests.sla_due_on', 'is', null), laterSameDay])
          : eb.or([
              eb('requests.sla_due_on', '>', due),
              eb.and([eb('requests.sla_due_on', '=', due), laterSameDay]),
              eb('requests.sla_due_on', 'is', null),
            ]);
      });
    }
    case 'submitted_desc':
      return rows.where((eb) =>
        eb.or([
          eb('requests.submitted_at', '<', after.submitted_at),
          eb.and([eb('requests.submitted_at', '=', after.submitted_at), eb('requests.id', '<', after.id)]),
        ]),
      );
    case 'reference':
      return rows.where('requests.reference', '>', after.reference);
    case 'name':
      return rows.where((eb) =>
        eb.or([eb('p.name_ar', '>', after.name_ar), eb.and([eb('p.name_ar', '=', after.name_ar), eb('requests.id', '>', after.id)])]),
      );
    default:
      return rows.where((eb) =>
        eb.or([
          eb('requests.submitted_at', '>', after.submitted_at),
          eb.and([eb('requests.submitted_at', '=', after.submitted_at), eb('requests.id', '>', after.id)]),
        ]),
      );
  }
}

export async function queuePage(db: DeskDb, user: UserInfo, query: QueueQuery, today: Date): Promise<QueuePage> {
  const searching = Boolean(query.search?.trim());
  // A status queue without filters is counted by its tally (queue-counts.ts), not by reading its requests.
  const counted = searching
    ? await queueTotal(db, user, query, SEARCH_LIST_CAP)
    : ((await talliedTotal(db, query)) ?? (await queueTotal(db, user, query)));
  const moreThanTotal = searching && counted > SEARCH_LIST_CAP;
  const total = moreThanTotal ? SEARCH_LIST_CAP : counted;
  const page =
    query.offset >= total
      ? []
      : // More matches than a search lists: the first page lies early in the queue's order, so walk that order.
        await pageRows(db, user, query, Math.min(query.limit, total - query.offset), moreThanTotal && query.sort !== 'name');
  const todayDate = riyadhDate(today);
  const closed = closedDays((await currentPolicy(db, today.toISOString())).policy.sla.holidays);
  const referrals = await referralMarks(
    db,
    page.map((r) => ({ id: r.id, status: r.status, assigneeId: r.assignee_id })),
  );
  return {
    total,
    ...(moreThanTotal ? { moreThanTotal } : {}),
    rows: page.map((r): QueueRow => ({
      id: r.id,
      reference: r.reference,
      service: r.service,
      status: r.status,
      // The name the request was filed under (what its search matches and the case shows), not the record's.
      ...filedName(r),
      idNumber: r.id_number,
      submittedAt: r.submitted_at,
      ageDays: workingDaysBetween(riyadhDate(r.submitted_at), todayDate),
      assignee: r.assignee_id !== null ? { id: r.assignee_id, displayName: r.assignee_name ?? '' } : null,
      version: r.version,
      returnDueAt: r.return_due_at,
      sla: slaStanding(r.status, r.sla_due_on, todayDate, closed),
      ...(referrals.has(r.id) ? { referral: referrals.get(r.id)! } : {}),
    })),
  };
}

/**
 * One page of a view in its order. Its ids come first from the requests alone (for every order but the name's, a
 * walk of an index that covers it), then only those rows are joined and read whole: OFFSET on the joined query read
 * and joined every row it skipped, 0.5–2 s at row 50,000 of 100,000 against a few ms (the queue scrolled far down).
 */
function pageRows(db: DeskDb, user: UserInfo, query: QueueQuery, limit: number, walkInOrder: boolean) {
  return pageRowsQuery(db, user, query, limit, walkInOrder).execute();
}

/** The query of pageRows, not run (its plan is tested: queues.page-plan.test.ts). */
export function pageRowsQuery(db: DeskDb, user: UserInfo, query: QueueQuery, limit: number, walkInOrder = false) {
  if (query.sort === 'name') return queueRows(db, user, query, walkInOrder).limit(limit).offset(query.offset);
  const ids = inRequestOrder(view(db, user, query, walkInOrder), query.sort)
    .select('requests.id')
    .limit(limit)
    .offset(query.offset);
  // Those rows alone, by their ids: with the view's conditions repeated here, SQLite walked the whole status through
  // its index and tested each request against the page's ids (New's 31,000 requests: 3.4 ms, against All's 0.8).
  return joinedInOrder(db.selectFrom('requests'), query.sort).where('requests.id', 'in', ids);
}

/** The applicant's names as the request holds them; the record's where a snapshot lacks them. */
function filedName(r: { applicant_snapshot: string; name_ar: string; name_en: string }): { nameAr: string; nameEn: string } {
  const filed = parseSnapshot(r.applicant_snapshot);
  return { nameAr: filed.nameAr || r.name_ar, nameEn: filed.nameEn || r.name_en };
}
