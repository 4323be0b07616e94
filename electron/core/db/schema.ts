/** Table types of the case database (kysely). Money is integer halalas; dates are ISO text. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  active: Generated<number>;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  created_at: string;
  /** 1 after an admin reset the password: the user chooses a new one before a session opens. */
  must_change_password: Generated<number>;
  /** Wrong passwords since the last lock (the lock comes at MAX_FAILED_SIGN_INS); `lockouts` doubles the next lock. */
  attempts_since_lock: Generated<number>;
  lockouts: Generated<number>;
  /** The admin who created the account; null for the first admin and seeded users. */
  created_by: number | null;
  password_reset_by: number | null;
}
/** Sign-in failures and lockout per client address ('local' for the desktop app). */
export interface SignInSourcesTable {
  source: string;
  failed_attempts: Generated<number>;
  attempts_since_lock: Generated<number>;
  lockouts: Generated<number>;
  locked_until: string | null;
  last_failure_at: string | null;
}
/** A role an admin gave: `pending` until a second admin confirms, `flagged` when it took effect at once on a single-admin desk. */
export interface RoleGrantsTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  status: 'pending' | 'flagged' | 'confirmed' | 'refused' | 'withdrawn';
  requested_by: number | null;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
}
export interface UserRolesTable {
  user_id: number;
  role: string;
}
export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
}
export interface PolicyTable {
  version: number;
  data: string;
  note: string;
  created_by: number | null;
  created_at: string;
  /** 0160: a version is `proposed` until a second admin activates it; `withdrawn` never took effect. */
  status: ColumnType<'proposed' | 'active' | 'withdrawn', 'proposed' | 'active' | 'withdrawn' | undefined, 'proposed' | 'active' | 'withdrawn'>;
  activated_by: number | null;
  activated_at: string | null;
}
export interface PractitionersTable {
  id: Generated<number>;
  id_type: string;
  id_number: string;
  id_expiry: string | null;
  name_ar: string;
  name_en: string;
  nationality: string;
  birth_date: string;
  gender: string;
  email: string;
  mobile: string;
  registration_number: string | null;
  profession: string;
  specialty: string;
  category: string;
  card_number: string | null;
  card_issued_at: string | null;
  card_expires_at: string | null;
}
export interface RequestsTable {
  id: Generated<number>;
  reference: string;
  service: string;
  status: string;
  version: Generated<number>;
  practitioner_id: number;
  submitted_at: string;
  assignee_id: number | null;
  employer_type: string | null;
  employer_facility: string | null;
  internship_completed: number | null;
  cpd_recorded_hours: Generated<number>;
  applicant_snapshot: string;
  return_due_at: string | null;
  decided_at: string | null;
  policy_version: number | null;
  updated_at: string;
  search_text: Generated<string>;
  /** 0170: the Riyadh day the desk must decide by (YYYY-MM-DD); NULL with the applicant or once decided. */
  sla_due_on: string | null;
}
export interface StatusHistoryTable {
  id: Generated<number>;
  request_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  at: string;
  reason_code: string | null;
  reason: string | null;
  policy_version: number | null;
}
export interface NotesTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  text: string;
  author_id: number | null;
  at: string;
}
export interface AttachmentBlobsTable {
  sha256: string;
  size: number;
  mime: string;
  /** The bytes, when they are kept in the database (stored = 'database'); null once they live in a blob store. */
  data: Uint8Array | null;
  /** Where the bytes are: 'database' | 'folder' | 's3' (electron/core/blobs). */
  stored: ColumnType<string, string | undefined, string>;
}
export interface AttachmentsTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  file_name: string;
  sha256: string;
  version: Generated<number>;
  issued_at: string | null;
  certified: number | null;
  uploaded_at: string;
}
export interface ExperiencesTable {
  id: Generated<number>;
  request_id: number;
  employer: string;
  position: string;
  from_date: string;
  to_date: string | null;
  country: string;
  added_at: string;
}
export interface CpdActivitiesTable {
  id: Generated<number>;
  request_id: number;
  title: string;
  provider: string;
  hours: number;
  date: string;
  kind: string;
}
/** 0150: a period's random sample of renewals for CPD audit, with the seed it was drawn with. */
export interface CpdSamplesTable {
  id: Generated<number>;
  period_start: string;
  period_end: string;
  seed: string;
  percent: number;
  population: number;
  population_digest: string;
  sampled: number;
  triggered: number;
  drawn_by: number | null;
  drawn_at: string;
}
/** 0150: a renewal in the CPD audit: sampled and/or flagged (`reasons`, JSON), until every activity is decided. */
export interface CpdAuditsTable {
  request_id: number;
  sample_id: number | null;
  reasons: string;
  opened_at: string;
  completed_at: string | null;
  completed_by: number | null;
}
/** 0150: one decision per CPD activity (the key refuses a second). */
export interface CpdActivityDecisionsTable {
  activity_id: number;
  request_id: number;
  decision: 'accepted' | 'refused';
  reason_code: string;
  note: string | null;
  decided_by: number;
  decided_at: string;
}
/** 0190: a named queue view; `scope_key` 'u<owner id>' (personal) or 'shared'; `audience` 'everyone' or a role for a shared one. */
export interface SavedViewsTable {
  id: Generated<number>;
  owner_id: number;
  scope_key: string;
  audience: string | null;
  name: string;
  /** The queue view as JSON, parsed again with the queue call's own schema whenever it is read. */
  view: string;
  created_at: string;
  updated_at: string;
}
export interface QuestionnaireAnswersTable {
  request_id: number;
  question_id: string;
  answer: number | null;
}
export interface AssessmentsTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  held_at: string;
  result: string | null;
}
export interface InvoicesTable {
  id: Generated<number>;
  request_id: number;
  number: string;
  issued_at: string;
  /** Null only on invoices written before 0090. */
  sadad_bill_number: string | null;
  /** The Riyadh day by which it must be paid (issue + the policy's payment window). */
  due_on: string | null;
  total_halalas: number | null;
  policy_version: number | null;
  status: Generated<InvoiceStatus>;
  paid_at: string | null;
}
export type InvoiceStatus = 'unpaid' | 'partially_paid' | 'paid' | 'expired';
export interface InvoiceLinesTable {
  id: Generated<number>;
  invoice_id: number;
  kind: string;
  amount_halalas: number;
}
export interface PaymentsTable {
  id: Generated<number>;
  invoice_id: number;
  amount_halalas: number;
  paid_at: string;
  channel: string;
  reference: string;
  /** The gateway's id: a reconciliation line imported again is recognised by it. */
  transaction_id: string | null;
  source: Generated<'reconciliation' | 'manual' | 'assigned' | 'legacy'>;
  /** Only confirmed payments count toward an invoice; a manual one waits for its checker. */
  status: Generated<'pending' | 'confirmed' | 'refused'>;
  recorded_by: number | null;
  recorded_at: string | null;
  confirmed_by: number | null;
  confirmed_at: string | null;
  proof_attachment_id: number | null;
  import_id: number | null;
  refusal_reason: string | null;
}
export interface PaymentImportsTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  imported_by: number | null;
  imported_at: string;
  lines: number;
  matched: number;
  unmatched: number;
  duplicates: number;
}
export interface UnmatchedPaymentsTable {
  id: Generated<number>;
  transaction_id: string;
  sadad_bill_number: string | null;
  invoice_number: string | null;
  amount_halalas: number;
  paid_at: string;
  channel: string;
  import_id: number | null;
  received_at: string;
  status: Generated<'unmatched' | 'assigned'>;
  payment_id: number | null;
  assigned_by: number | null;
  assigned_at: string | null;
  note: string | null;
}
export interface IssuedDocumentsTable {
  id: Generated<number>;
  request_id: number;
  file_name: string;
  sha256: string;
  pdf: Uint8Array;
  issued_at: string;
  issued_by: number | null;
}
export interface RefundsTable {
  id: Generated<number>;
  request_id: number;
  invoice_id: number;
  status: string;
  facts: string;
  result: string | null;
  total_halalas: number | null;
  computed_by: number | null;
  approved_by: number | null;
  payout_reference: string | null;
  policy_version: number | null;
  created_at: string;
  requested_by: number | null;
  requested_at: string | null;
  computed_at: string | null;
  approved_at: string | null;
  paid_by: number | null;
  paid_at: string | null;
}
export interface CardsTable {
  id: Generated<number>;
  request_id: number;
  number: string;
  issued_at: string;
  expires_at: string;
  status: string;
  replaces_card_id: number | null;
  printed_at: string | null;
  delivery: string | null;
}
export interface SigningKeysTable {
  /** SHA-256 of the public key (SPKI DER), hex. */
  fingerprint: string;
  public_key: string;
  registered_at: string;
  revoked_at: string | null;
}
export interface CardPrintsTable {
  id: Generated<number>;
  card_id: number;
  at: string;
  actor_id: number | null;
  layout: string;
  reason: string | null;
}
export interface OutboxTable {
  id: Generated<number>;
  request_id: number | null;
  to_address: string;
  kind: string;
  subject_ar: string;
  subject_en: string;
  body_ar: string;
  body_en: string;
  created_at: string;
  sent_at: string | null;
  /** Delivery (0110): one row per channel; the worker's claim, back-off and proof. */
  channel: Generated<'email' | 'sms'>;
  state: Generated<'queued' | 'sending' | 'sent' | 'failed' | 'dead' | 'cancelled'>;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  last_error: string | null;
  relay_answer: string | null;
  /** The Message-ID every try of this row carries (<outbox-ID.uuid@mumaris-desk>); unique. */
  message_id: string;
  claimed_by: string | null;
  /** When the claim's lease ends: a 'sending' row past it is tried again. */
  claimed_until: string | null;
  /** The PDF to attach: 'letter' (the request's issued document, cards/letters.ts); null for none. */
  attachment: 'letter' | null;
  /** An SMS: the e-mail it copies (one copy each, made by the delivery worker). */
  copy_of: number | null;
}
export interface DeliveryAttemptsTable {
  id: Generated<number>;
  outbox_id: number;
  at: string;
  outcome: 'sent' | 'failed' | 'resent' | 'cancelled' | 'dead';
  detail: string;
  /** The admin who resent or cancelled; null for the worker. */
  by_user_id: number | null;
}
export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

/** Integrity signals' look-ups (migration 0130): a request's ID number and name keys, with its birth date for the tolerance. */
export interface SignalPersonKeysTable {
  request_id: number;
  /** 'id' (the ID number) or 'name' (a name key of name-key.ts, its version first). */
  kind: 'id' | 'name';
  key: string;
  birth_date: string;
}
/** A photo's perceptual hash (blockhash, hex), per file content. */
export interface PhotoHashesTable {
  sha256: string;
  hash: string;
}
/** Bands of a photo's hash: two hashes within the near-identical distance share at least one band. */
export interface PhotoHashBandsTable {
  sha256: string;
  band: number;
  value: string;
}
/** Migration 0140: the date read from a document's text (text layer or OCR), per file content; `reading` is JSON (letter-date/reading.ts). */
export interface DocumentDatesTable {
  sha256: string;
  reader: number;
  source: 'text-layer' | 'ocr' | 'none';
  reading: string;
  millis: number;
  read_at: string;
}
export interface Database {
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  sign_in_sources: SignInSourcesTable;
  role_grants: RoleGrantsTable;
  policy: PolicyTable;
  practitioners: PractitionersTable;
  requests: RequestsTable;
  status_history: StatusHistoryTable;
  notes: NotesTable;
  attachment_blobs: AttachmentBlobsTable;
  attachments: AttachmentsTable;
  experiences: ExperiencesTable;
  cpd_activities: CpdActivitiesTable;
  cpd_samples: CpdSamplesTable;
  cpd_audits: CpdAuditsTable;
  cpd_activity_decisions: CpdActivityDecisionsTable;
  saved_views: SavedViewsTable;
  questionnaire_answers: QuestionnaireAnswersTable;
  assessments: AssessmentsTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  payments: PaymentsTable;
  payment_imports: PaymentImportsTable;
  unmatched_payments: UnmatchedPaymentsTable;
  issued_documents: IssuedDocumentsTable;
  refunds: RefundsTable;
  cards: CardsTable;
  card_prints: CardPrintsTable;
  signing_keys: SigningKeysTable;
  outbox: OutboxTable;
  delivery_attempts: DeliveryAttemptsTable;
  audit_log: AuditLogTable;
  document_dates: DocumentDatesTable;
  signal_person_keys: SignalPersonKeysTable;
  photo_hashes: PhotoHashesTable;
  photo_hash_bands: PhotoHashBandsTable;
  referrals: ReferralsTable;
}

/** 0180: a question the holder of a request in review asks a colleague (null addressee: any approver), and its answer. */
export interface ReferralsTable {
  id: Generated<number>;
  request_id: number;
  asked_by: number;
  addressee_id: number | null;
  question: string;
  asked_at: string;
  state: ColumnType<ReferralState, ReferralState | undefined, ReferralState>;
  answer: string | null;
  answered_by: number | null;
  answered_at: string | null;
  /** Who withdrew it, or whose step took the request out of review (then `closed_reason` names the step). */
  closed_by: number | null;
  closed_at: string | null;
  closed_reason: string | null;
}
type ReferralState = 'open' | 'answered' | 'withdrawn' | 'closed';

export type RequestRow = Selectable<RequestsTable>;
export type InsertableRequestRow = Insertable<RequestsTable>;
export type PractitionerRow = Selectable<PractitionersTable>;
export type InsertablePractitionerRow = Insertable<PractitionersTable>;
export type UserRow = Selectable<UsersTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
