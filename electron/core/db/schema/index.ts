/**
 * Table types of the case database (kysely). Money is integer halalas; dates are ISO text. Enumerated columns carry
 * shared/domain's unions: the stored values are those strings, so reads need no cast.
 */
import type { Insertable, Selectable } from 'kysely';
import type { AuditLogTable, RoleGrantsTable, SessionsTable, SignInSourcesTable, UserRolesTable, UsersTable } from './people';
import type {
  AssessmentsTable,
  AttachmentBlobsTable,
  AttachmentsTable,
  ExperiencesTable,
  NotesTable,
  PractitionersTable,
  QuestionnaireAnswersTable,
  ReferralsTable,
  RequestsTable,
  SavedViewsTable,
  StatusHistoryTable,
} from './requests';
import type { CpdActivitiesTable, CpdActivityDecisionsTable, CpdAuditsTable, CpdSamplesTable } from './cpd';
import type { InvoiceLinesTable, InvoicesTable, PaymentImportsTable, PaymentsTable, RefundsTable, UnmatchedPaymentsTable } from './money';
import type { CardPrintsTable, CardsTable, IssuedDocumentsTable, PolicyTable, SigningKeysTable } from './issued';
import type { DeliveryAttemptsTable, OutboxTable } from './delivery';
import type { DocumentDatesTable, PhotoHashBandsTable, PhotoHashesTable, SignalPersonKeysTable } from './signals';

export type * from './people';
export type * from './requests';
export type * from './cpd';
export type * from './money';
export type * from './issued';
export type * from './delivery';
export type * from './signals';

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

export type RequestRow = Selectable<RequestsTable>;
export type InsertableRequestRow = Insertable<RequestsTable>;
export type PractitionerRow = Selectable<PractitionersTable>;
export type InsertablePractitionerRow = Insertable<PractitionersTable>;
export type UserRow = Selectable<UsersTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
