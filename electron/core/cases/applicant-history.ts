/**
 * The applicant's other requests, beside the case: every request filed under the same ID number, then
 * (for roles that see the application, as the integrity signals) requests under another ID whose applicant
 * has a name that looks alike (name-key.ts) and a birth date within the policy's duplicate tolerance, the
 * same test as the duplicate-person signal. Both are index look-ups on signal_person_keys(kind, key,
 * birth_date) (migration 0130), then the requests by primary key: 100,000 requests cost the same as 100.
 */
import type { DeskDb } from '../db/connection';
import type {
  ApplicantHistory,
  ApplicantHistoryEntry,
  FoundRequest,
  RejectionReason,
  RequestOutcome,
  Service,
  Status,
  UserInfo,
} from '../../../shared/domain';
import { REJECTION_REASONS } from '../../../shared/domain';
import { visibilityOf } from '../auth/visibility';
import { notFound } from '../errors';
import { parseSnapshot } from './applicant-snapshot';
import { anyNamesAgree, lookUpKeys } from '../signals/name-key';
import { idKey } from '../signals/person-index';
import { shiftYears } from '../signals/other-requests';
import { asIdNumber, asReference } from '../../../shared/request-numbers';

/** Listed per kind (same ID, look-alike names): the newest; `more` says when there were others. */
export const HISTORY_LISTED = 50;

/** Look-alike candidates read before the names are compared part by part (a common first and last name). */
const NAME_CANDIDATES = 400;

const APPROVED: ReadonlySet<Status> = new Set<Status>(['approved', 'awaiting_payment', 'ready_to_print', 'printed', 'delivered', 'document_issued']);

/** How a request ended, from its status alone: approved (and on the way to its card or letter), rejected, answered, withdrawn. */
export function outcomeOf(status: Status): RequestOutcome | null {
  if (APPROVED.has(status)) return 'approved';
  if (status === 'rejected' || status === 'answered' || status === 'withdrawn') return status;
  return null;
}

interface Row {
  id: number;
  reference: string;
  service: Service;
  status: Status;
  submitted_at: string;
  decided_at: string | null;
  applicant_snapshot: string;
}

const REQUEST_COLUMNS = ['r.id', 'r.reference', 'r.service', 'r.status', 'r.submitted_at', 'r.decided_at', 'r.applicant_snapshot'] as const;

const newestFirst = (a: Row, b: Row) => (a.submitted_at < b.submitted_at ? 1 : a.submitted_at > b.submitted_at ? -1 : b.id - a.id);

/** The applicant's other requests as `viewer` may see them (auth/visibility.ts). */
export async function applicantHistory(
  db: DeskDb,
  requestId: number,
  viewer: Pick<UserInfo, 'roles'>,
  birthToleranceYears: number,
): Promise<ApplicantHistory> {
  const self = await db.selectFrom('requests').select(['id', 'reference', 'applicant_snapshot']).where('id', '=', requestId).executeTakeFirst();
  if (!self) throw notFound(`request ${requestId}`, `الطلب ${requestId}`);
  const a = parseSnapshot(self.applicant_snapshot);
  const seen = visibilityOf(viewer);

  const sameId = (
    await db
      .selectFrom('signal_person_keys as k')
      .innerJoin('requests as r', 'r.id', 'k.request_id')
      .select(REQUEST_COLUMNS)
      .where('k.kind', '=', 'id')
      .where('k.key', '=', idKey(a.idNumber))
      .where('r.id', '<>', requestId)
      .orderBy('r.submitted_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(HISTORY_LISTED + 1)
      .execute()
  ).filter((r) => r.reference !== self.reference);

  // Look-alike names are an integrity signal (another person's name and ID): shown to those who see the checks.
  let lookAlike: Row[] = [];
  let moreNames = false;
  if (seen.application) {
    const keys = [...new Set([...lookUpKeys(a.nameAr), ...lookUpKeys(a.nameEn)])];
    if (keys.length > 0) {
      const candidates = await db
        .selectFrom('signal_person_keys as k')
        .innerJoin('requests as r', 'r.id', 'k.request_id')
        .select(REQUEST_COLUMNS)
        .distinct()
        .where('k.kind', '=', 'name')
        .where('k.key', 'in', keys)
        .where('k.birth_date', '>=', shiftYears(a.birthDate, -birthToleranceYears))
        .where('k.birth_date', '<=', shiftYears(a.birthDate, birthToleranceYears))
        .where('r.id', '<>', requestId)
        .limit(NAME_CANDIDATES)
        .execute();
      const ownId = idKey(a.idNumber);
      const agreeing = candidates
        .filter((r) => {
          const o = parseSnapshot(r.applicant_snapshot);
          return r.reference !== self.reference && idKey(o.idNumber) !== ownId && anyNamesAgree([a.nameAr, a.nameEn], [o.nameAr, o.nameEn]);
        })
        .sort(newestFirst);
      moreNames = agreeing.length > HISTORY_LISTED || candidates.length === NAME_CANDIDATES;
      lookAlike = agreeing.slice(0, HISTORY_LISTED);
    }
  }

  const listedIds = sameId.slice(0, HISTORY_LISTED);
  const reasons = seen.historyDetails
    ? await rejectionReasons(
        db,
        [...listedIds, ...lookAlike].filter((r) => r.status === 'rejected').map((r) => r.id),
      )
    : new Map();
  const entry = (r: Row, match: 'id' | 'name'): ApplicantHistoryEntry => {
    const o = parseSnapshot(r.applicant_snapshot);
    const status = r.status;
    return {
      requestId: r.id,
      reference: r.reference,
      service: r.service,
      status,
      outcome: outcomeOf(status),
      rejectionReason: reasons.get(r.id) ?? null,
      submittedAt: r.submitted_at,
      decidedAt: r.decided_at,
      match,
      idNumber: o.idNumber,
      nameAr: o.nameAr,
      nameEn: o.nameEn,
      birthDate: o.birthDate,
    };
  };
  return {
    idNumber: a.idNumber,
    entries: [...listedIds.map((r) => entry(r, 'id')), ...lookAlike.map((r) => entry(r, 'name'))],
    more: { id: sameId.length > HISTORY_LISTED, name: moreNames },
    lookAlikeShown: seen.application,
  };
}

/** The reason code of each rejected request's latest rejection (status_history by request, its index). */
async function rejectionReasons(db: DeskDb, ids: number[]): Promise<Map<number, RejectionReason>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('status_history')
    .select(['request_id', 'reason_code', 'id'])
    .where('request_id', 'in', ids)
    .where('to_status', '=', 'rejected')
    .orderBy('id')
    .execute();
  const out = new Map<number, RejectionReason>();
  for (const r of rows) {
    const reason = REJECTION_REASONS.find((known) => known === r.reason_code);
    if (reason) out.set(r.request_id, reason);
  }
  return out;
}

/** At most this many requests of one ID number are offered to choose from. */
const FOUND_LISTED = 50;

/**
 * The requests a reference or an ID number names, for the command palette: the reference by its unique
 * index, the ID number through signal_person_keys (as each request holds it). Newest first.
 */
export async function findByReferenceOrId(db: DeskDb, text: string): Promise<FoundRequest[]> {
  const reference = asReference(text);
  const idNumber = reference ? null : asIdNumber(text);
  if (!reference && !idNumber) return [];
  let q = db.selectFrom('requests as r').select(REQUEST_COLUMNS);
  q = reference
    ? q.where('r.reference', '=', reference)
    : q.where('r.id', 'in', (eb) =>
        eb.selectFrom('signal_person_keys as k').select('k.request_id').where('k.kind', '=', 'id').where('k.key', '=', idNumber!),
      );
  const rows = await q.orderBy('r.submitted_at', 'desc').orderBy('r.id', 'desc').limit(FOUND_LISTED).execute();
  return rows.map((r) => {
    const o = parseSnapshot(r.applicant_snapshot);
    return {
      requestId: r.id,
      reference: r.reference,
      service: r.service,
      status: r.status,
      nameAr: o.nameAr,
      nameEn: o.nameEn,
      idNumber: o.idNumber,
      submittedAt: r.submitted_at,
    };
  });
}
