/** Requests, their applicants, history, notes, attachments and the questions asked on them. */
import type { ColumnType, Generated } from 'kysely';
import type { Applicant, NoteView, ReferralState, Service, Status, ViewAudience } from '../../../../shared/domain';

export interface PractitionersTable {
  id: Generated<number>;
  id_type: Applicant['idType'];
  id_number: string;
  id_expiry: string | null;
  name_ar: string;
  name_en: string;
  nationality: string;
  birth_date: string;
  gender: Applicant['gender'];
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
  service: Service;
  status: Status;
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
  /** 0260: the approver whose approval sent the request to a second signature, while it waits there; else NULL. */
  first_signer_id: number | null;
}
export interface StatusHistoryTable {
  id: Generated<number>;
  request_id: number;
  action: string;
  from_status: Status | null;
  to_status: Status;
  actor_id: number | null;
  at: string;
  reason_code: string | null;
  reason: string | null;
  policy_version: number | null;
}
export interface NotesTable {
  id: Generated<number>;
  request_id: number;
  kind: NoteView['kind'];
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
/** 0190: a named queue view; `scope_key` 'u<owner id>' (personal) or 'shared'; `audience` 'everyone' or a role for a shared one. */
export interface SavedViewsTable {
  id: Generated<number>;
  owner_id: number;
  scope_key: string;
  audience: ViewAudience | null;
  name: string;
  /** The queue view as JSON, parsed again with the queue call's own schema whenever it is read. */
  view: string;
  created_at: string;
  updated_at: string;
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
