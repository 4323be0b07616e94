import type { Service } from './services';
import type { NoteKind, Role, Status } from './statuses';
import type { CheckOverride, CheckView } from './rules';
import type { DeliveryChannel, DeliveryState } from './delivery';
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

export interface OutboxMessage {
  id: number;
  requestId: number | null;
  reference: string | null;
  to: string;
  subjectAr: string;
  subjectEn: string;
  bodyAr: string;
  bodyEn: string;
  createdAt: string;
  sentAt: string | null;
  /** What the message is about (returned, approved_invoice, paid…): the notice it carries. */
  kind: string;
  channel: DeliveryChannel;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  relayAnswer: string | null;
  /** The Message-ID every try carries, so the relay can tell a retry from a new message. */
  messageId: string;
  /** The letter or card PDF goes with it. */
  hasAttachment: boolean;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry whose hash does not match, when the chain is broken. */
  brokenAt: number | null;
  reason: string | null;
  /** The same reason in Arabic, times on Riyadh's clock (null when `reason` is). */
  reasonAr: string | null;
  /** What the signed checkpoint (kept outside the database) says, when one was compared; null when there was none. */
  checkpoint?: CheckpointCheck | null;
}

/** A signed checkpoint of the audit chain's head, kept outside the database. */
export interface CheckpointView {
  /** The file it is kept in (null when it was given some other way). */
  file: string | null;
  seq: number;
  hash: string;
  at: string;
}

/**
 * The chain compared with a checkpoint: it holds it (`matches`), lost its last entries
 * (`missing`), was rewritten (`rewritten`), or the checkpoint is not signed by this installation
 * (`unverified`: it was changed, or its key was not given).
 */
export interface CheckpointCheck extends CheckpointView {
  verdict: 'matches' | 'missing' | 'rewritten' | 'unverified';
  message: string;
  /** The same message in Arabic, times on Riyadh's clock. */
  messageAr: string;
}

/** What happened to one imported bundle. */
export type BundleOutcomeView =
  | { ok: true; bundle: string; reference: string; requestId: number; resubmission: boolean; attachments: number }
  | { ok: false; bundle: string; problems: Array<{ where: string; message: string; messageAr: string }> };

/** What verifying a card's QR code says (no sign-in needed: anyone holding the card can check it). */
export type CardVerification =
  | { verdict: 'forged' }
  | {
      verdict: 'valid' | 'expired' | 'void';
      /** A card's number, or an issued document's reference. */
      number: string;
      kind?: 'card' | 'document';
      /** For a document: the service that issued it. */
      service?: string;
      holder?: { nameAr: string; nameEn: string; idMasked: string };
      issuedAt?: string;
      expiresAt?: string;
      reason?: 'replaced' | 'withdrawn' | 'not_on_record';
      replacedBy?: string;
    };

/** A request in the print centre. */
export interface PrintQueueRow {
  id: number;
  version: number;
  reference: string;
  service: string;
  status: string;
  nameAr: string;
  nameEn: string;
  idNumber: string;
  cardNumber: string | null;
  printedAt: string | null;
  prints: number;
  delivery: CardDelivery | null;
}

export type CardDelivery =
  { method: 'mail'; trackingNumber: string; at: string } | { method: 'branch'; branch: string; receiverName: string; at: string };

/** A background export, as the app polls it. */
export interface ExportJobView {
  id: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number | null;
  fileName: string;
  /** The file, once written. */
  url: string | null;
  error: string | null;
}

/** The supervisor's figures for a date range (Riyadh days) and, optionally, one service. */
export interface DashboardFigures {
  from: string;
  to: string;
  today: string;
  slaWorkingDays: number;
  byStatus: Array<{ status: string; count: number }>;
  byService: Array<{ service: string; count: number }>;
  perDay: Array<{ day: string; intake: number; decisions: number }>;
  /** Requests waiting on the desk now, by working days since submission. */
  ageing: Array<{ bucket: string; band: 'within' | 'over' | 'late'; count: number }>;
  reviewers: Array<{ name: string; decisions: number; approved: number; rejected: number; medianDaysToDecision: number | null }>;
  returns: { count: number; reasons: Array<{ text: string; count: number }> };
  refundsPaid: { count: number; totalHalalas: number };
}

/** One backup file in the desk's backups folder. */
export interface BackupView {
  file: string;
  name: string;
  at: string;
  bytes: number;
}

/** What a desk can tell of a database before using it (Settings → Database → Test). */
export interface DatabaseProbe {
  ok: boolean;
  kind: 'sqlite' | 'postgres';
  /** The address without its password. */
  describe: string;
  /** e.g. "PostgreSQL 15.20"; null when it could not be reached. */
  server: string | null;
  migrationsApplied: number;
  /** Migrations this desk will apply when it opens the database. */
  migrationsPending: number;
  /** Written by a newer desk: this one would refuse to open it. */
  newerThanDesk: boolean;
  /** Why it could not be used (the server's own words, password removed): for support, behind "details". */
  message: string | null;
  /** What the screen says about it, from the dictionary: why it could not be used, or that a new file will be made. */
  problem: DatabaseProblem | null;
}

/** Why a database address could not be used, as the Settings page words it (renderer: probeProblem_*). */
export const DATABASE_PROBLEMS = [
  'new_file',
  'bad_address',
  'connection_refused',
  'host_not_found',
  'timeout',
  'auth_failed',
  'database_missing',
  'permission_denied',
  'tls',
  'not_a_database',
  'cannot_open_file',
  'other',
] as const;
export type DatabaseProblem = (typeof DATABASE_PROBLEMS)[number];

export interface DatabaseSettingsView {
  inUse: {
    kind: 'sqlite' | 'postgres';
    describe: string;
    /** Where the choice came from: MUMARIS_DB, --db, this page, or the default file. */
    source: 'environment' | 'command_line' | 'settings' | 'default';
  };
  /** The address saved on this page (password masked), used from the next start unless MUMARIS_DB or --db is given. */
  saved: string | null;
  /** False when this desk has no settings folder (tests, in-memory databases). */
  canSave: boolean;
  /** The saved choice differs from the database in use: it takes effect when the desk restarts. */
  restartNeeded: boolean;
}
