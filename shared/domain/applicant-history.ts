import type { Service } from './services';
import type { RejectionReason, Status } from './statuses';
import type { QueueRow } from './cases';

/** How a request ended, read from its status: null while it is still open. */
export type RequestOutcome = 'approved' | 'rejected' | 'answered' | 'withdrawn';

/** One other request of the applicant, as the case page lists it beside the case. */
export interface ApplicantHistoryEntry {
  requestId: number;
  reference: string;
  service: Service;
  status: Status;
  outcome: RequestOutcome | null;
  /** Why it was rejected (the reason's code); null when not rejected or the viewer's role does not see reasons. */
  rejectionReason: RejectionReason | null;
  submittedAt: string;
  /** When it was approved, rejected or answered; null while undecided. */
  decidedAt: string | null;
  /** 'id': filed under the same ID number; 'name': another ID number, a name that looks alike (may be another person). */
  match: 'id' | 'name';
  /** The applicant as that request holds them (the look-alike's ID number and birth date say why it is listed). */
  idNumber: string;
  nameAr: string;
  nameEn: string;
  birthDate: string;
}

export interface ApplicantHistory {
  /** The ID number of the request looked from, as it holds it. */
  idNumber: string;
  /** Same-ID requests first (newest first), then look-alike names (newest first). */
  entries: ApplicantHistoryEntry[];
  /** More requests matched than are listed (per kind): the newest are shown. */
  more: { id: boolean; name: boolean };
  /** Whether look-alike names were looked for: only roles that see the application do (the integrity signals). */
  lookAlikeShown: boolean;
}

/** A request found by its reference or its applicant's ID number (the command palette). */
export interface FoundRequest extends Pick<QueueRow, 'reference' | 'service' | 'status' | 'nameAr' | 'nameEn' | 'idNumber' | 'submittedAt'> {
  requestId: number;
}

/** The longest search the desk reads (queue search, the palette): longer is refused, naming the limit. */
export const SEARCH_MAX_CHARS = 200;
