/** Table types of the case database (kysely). Money is integer halalas; dates are ISO text. */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  active: Generated<number>;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  created_at: string;
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
  data: Uint8Array;
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
}
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

export interface Database {
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  policy: PolicyTable;
  practitioners: PractitionersTable;
  requests: RequestsTable;
  status_history: StatusHistoryTable;
  notes: NotesTable;
  attachment_blobs: AttachmentBlobsTable;
  attachments: AttachmentsTable;
  experiences: ExperiencesTable;
  cpd_activities: CpdActivitiesTable;
  questionnaire_answers: QuestionnaireAnswersTable;
  assessments: AssessmentsTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  payments: PaymentsTable;
  refunds: RefundsTable;
  cards: CardsTable;
  card_prints: CardPrintsTable;
  signing_keys: SigningKeysTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
}

export type RequestRow = Selectable<RequestsTable>;
export type InsertableRequestRow = Insertable<RequestsTable>;
export type PractitionerRow = Selectable<PractitionersTable>;
export type InsertablePractitionerRow = Insertable<PractitionersTable>;
export type UserRow = Selectable<UsersTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
