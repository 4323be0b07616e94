import type { Service } from './services';
import type { NoteKind, Role, Status } from './statuses';
import type { CheckOverride, CheckView } from './rules';
import type { SlaStanding } from './sla';
import type { CaseActionKind } from './case-actions';
import type { ReferralMark } from './referrals';

export interface UserInfo {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
}

export interface SessionInfo {
  token: string;
  user: UserInfo;
}

export interface AppInfo {
  version: string;
  schemaVersion: string;
  /** No user exists yet: the first-run screen creates the first admin. */
  firstRun: boolean;
  /** The database holds no request yet, so demo data may be loaded. */
  empty: boolean;
}

/** `due`, the default: overdue first, then the earliest due day (issue #17); requests with no running clock last. */
export const QUEUE_SORTS = ['due', 'age', 'submitted_desc', 'reference', 'name'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** One row of a queue table. */
export interface QueueRow {
  id: number;
  reference: string;
  service: Service;
  status: Status;
  nameAr: string;
  nameEn: string;
  idNumber: string;
  submittedAt: string;
  /** Working days (Sunday–Thursday) since submission. */
  ageDays: number;
  assignee: { id: number; displayName: string } | null;
  version: number;
  /** For returned requests: the day the applicant's response window ends. */
  returnDueAt: string | null;
  /** Against the SLA due day: due in / overdue by working days, or paused with the applicant; null once decided. */
  sla: SlaStanding | null;
  /** The holder's latest question on the request while in review: waiting for its answer, or answered (referrals). */
  referral?: ReferralMark;
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  /** A search matched more than `total` requests; only the first `total` are listed (refine the search). */
  moreThanTotal?: boolean;
}

export interface Applicant {
  nameAr: string;
  nameEn: string;
  nationality: string;
  idType: 'national_id' | 'iqama' | 'passport';
  idNumber: string;
  idExpiry: string | null;
  birthDate: string;
  gender: 'male' | 'female';
  email: string;
  mobile: string;
  registrationNumber: string | null;
  profession: string;
  specialty: string;
  category: string;
  card: { number: string; issuedAt: string; expiresAt: string } | null;
}

export interface NoteView {
  id: number;
  /** from_applicant: written by the practitioner on the portal. */
  kind: NoteKind | 'from_applicant';
  text: string;
  at: string;
  /** null when the applicant wrote it on the portal. */
  author: string | null;
}

export interface HistoryEntry {
  id: number;
  fromStatus: Status | null;
  toStatus: Status;
  action: string;
  at: string;
  actor: string | null;
  /** The words typed or written with the step; word it with historyReasonText, never show it raw. */
  reason: string | null;
  /** What the step's reason stands for: a rejection reason, `override:RULE,…`, `FROM>TO`, `no_fee`, `assigned_to`… */
  reasonCode: string | null;
}

export interface AttachmentView {
  id: number;
  kind: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  version: number;
  issuedAt: string | null;
  uploadedAt: string;
}

export interface CaseDetail {
  id: number;
  reference: string;
  service: Service;
  status: Status;
  version: number;
  submittedAt: string;
  ageDays: number;
  assignee: { id: number; displayName: string } | null;
  returnDueAt: string | null;
  /** Against the SLA due day (as on the queue row); optional so documents built without a desk need not say. */
  sla?: SlaStanding | null;
  applicant: Applicant;
  /** DATA_UPDATE only: the practitioner's record now, to compare with what the applicant asks. */
  record: Applicant | null;
  employer: { type: string | null; facility: string | null };
  notes: NoteView[];
  history: HistoryEntry[];
  /** Every audit entry about this request (notes, imports, overrides…), chain position included. */
  audit: Array<{ seq: number; at: string; action: string; actor: string | null }>;
  attachments: AttachmentView[];
  internshipCompleted: boolean | null;
  /**
   * CPD as the CPD-HOURS check reads it: hours recorded before this request, the activities added with it
   * (`refused`: not recognised by a CPD audit) and the hours the policy requires of the category (null: not in its table).
   */
  cpd: {
    recordedHours: number;
    requiredHours?: number | null;
    activities: Array<{ title: string; provider: string; hours: number; date: string; kind: string; refused?: boolean }>;
  };
  questionnaire: Array<{ id: string; answer: boolean | null }>;
  experiences: Array<{ employer: string; position: string; from: string; to: string | null; country: string; addedAt: string }>;
  /** What the latest resubmission changed since the return, for highlighting. */
  resubmission: { at: string; changedFields: string[]; newAttachmentIds: number[]; newNoteIds: number[] } | null;
  /** The eligibility checks run now, under the policy in force. */
  checks: CheckView[];
  /** The failed checks the latest approval overrode (electron/core/cases/check-overrides.ts); absent when the caller's roles do not see the checks. */
  overrides?: CheckOverride[];
  policyVersion: number;
  /** The policy in force is still the shipped sample. */
  policySample: boolean;
  /** What the caller's roles do not see of this request (left empty or out above; electron/core/auth/visibility.ts). */
  withheld?: CaseFacet[];
  /** What the caller may do to this request now, in the desk's own judgement (the decisions check the same rules). */
  actions: CaseActionKind[];
}

/** Parts of a request shown by role (least privilege). */
export type CaseFacet = 'contact' | 'internal_notes' | 'applicant_notes' | 'history_details' | 'audit' | 'application' | 'attachments';

/** What happened to one imported bundle. */
export type BundleOutcomeView =
  | { ok: true; bundle: string; reference: string; requestId: number; resubmission: boolean; attachments: number }
  | { ok: false; bundle: string; problems: Array<{ where: string; message: string; messageAr: string }> };
