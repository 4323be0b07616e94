/**
 * The one API between the renderer and the main process: every call, its
 * argument schema (validated in the main process, never trusted from the
 * page), who may make it, and what it returns.
 *
 * @example
 *   const page = await client.call('queues.page', { queue: 'new', offset: 0, limit: 50, sort: 'due' });
 */
import { z } from 'zod';
import type {
  BackupView,
  DatabaseProbe,
  DatabaseSettingsView,
  CardVerification,
  DashboardFigures,
  ExportJobView,
  PrintQueueRow,
  AppInfo,
  AuditVerification,
  AuditTrailPage,
  CheckpointView,
  BundleOutcomeView,
  CaseDetail,
  CaseFinance,
  OutboxMessage,
  QueueId,
  QueuePage,
  SessionInfo,
  UserInfo,
  AwaitingPaymentRow,
  PaymentImportResult,
  PaymentImportView,
  PendingManualPaymentRow,
  PolicyVersionView,
  ReconciliationRow,
  RefundListRow,
  UnmatchedPaymentView,
} from './domain';
import { DELIVERY_STATES, REFUND_STAGES, SMTP_SECURITY, policySchema } from './domain';
import { CPD_DECISIONS, CPD_REASON_CODES } from './domain';
import type { CpdAuditRow, CpdAuditView, CpdSampleView, PolicyWhatIf } from './domain';
import type { CaseReferrals, QuestionForMe, ReferralColleague } from './domain';
import type { CompareView, SignalView, SignalWeek } from './domain';
import type { EscalationList } from './domain';
import type { DeliveryAttempt, DeliverySettingsView, DeliveryState } from './domain';
import { NOTE_KINDS, QUEUES, QUEUE_SORTS, REJECTION_REASONS, ROLES, SERVICES, STATUSES } from './domain';
import type { Role } from './domain';
import { SEARCH_MAX_CHARS, type ApplicantHistory, type FoundRequest } from './domain/applicant-history';
import { hasHiddenCharacters, isRealDay } from './text-rules';
import type { RoleGrantView, UserAdminView } from './domain/users';
import { SUPERVISOR_ROLES, VIEW_AUDIENCES, type AssignOutcome, type ReviewerWorkload, type SavedViewEntry } from './domain/saved-views';
import type { UpdatesView } from './updates';

/** Who may call: anyone (before sign-in), any signed-in user, or users holding one of the roles. */
export type Access = 'public' | 'signed_in' | readonly Role[];

interface MethodDef<A extends z.ZodType, R> {
  args: A;
  access: Access;
  /** Phantom: carries the result type only. */
  result?: R;
}

function method<A extends z.ZodType>(args: A, access: Access) {
  return { returns: <R>(): MethodDef<A, R> => ({ args, access }) };
}

/** A real calendar day: 2026-02-30 is refused, not rolled over (shared/text-rules.ts). */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(isRealDay, 'not a real calendar date');
const id = z.number().int().positive();
const version = z.number().int().nonnegative();
/** Free text typed by staff: bounded so a pasted book cannot reach the database. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !hasHiddenCharacters(s), HIDDEN);
/** Any other text staff type (a search, a reason, a file name): no character that hides what it says. */
const plain = <T extends z.ZodType<string | undefined>>(s: T) => s.refine((v) => v === undefined || !hasHiddenCharacters(v), HIDDEN);
const HIDDEN = 'contains control or direction-override characters';
/** An e-mail address (the relay's sender, a test recipient): one @, no spaces or angle brackets. */
const emailAddress = z
  .string()
  .trim()
  .max(255)
  .regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, 'expected an e-mail address');
/** Common passwords a desk holding legal records refuses outright (with the length rule, NIST SP 800-63B's advice). */
const COMMON_PASSWORDS = [
  '1234567890',
  '0123456789',
  'password123',
  'password1234',
  'qwertyuiop',
  'abc1234567',
  'iloveyou12',
  'admin12345',
  'mumaris123',
  'scfhs12345',
];
const password = z
  .string()
  .min(10, 'at least 10 characters')
  .max(200)
  .refine((p) => !/^(.)\1+$/.test(p), 'not one character repeated')
  .refine((p) => !COMMON_PASSWORDS.includes(p.toLowerCase()), 'too common: choose another');
const username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, 'lower-case letters, digits, . _ - (3 to 32)');

const proofAttachmentId = id.optional();
/** The refund grounds of rules.md, as the finance officer ticks them. */
const grounds = z
  .array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('directed_in_writing'), proofAttachmentId }),
      z.object({ kind: z.literal('wrong_path'), by: z.enum(['staff', 'system']) }),
      z.object({ kind: z.literal('late_fee_prior_attempts'), proofAttachmentId }),
      z.object({ kind: z.literal('exempt_category'), category: text(64) }),
    ]),
  )
  .max(4)
  .default([]);

/** The desk's backups folder; a PostgreSQL database has none (its server is backed up with pg_dump). */
type BackupsView = { folder: string | null; backups: BackupView[]; database: 'sqlite' | 'postgres' };

const databaseAddress = z.string().trim().min(1, 'enter a file or a postgres:// address').max(2000);

const STAFF = ['reviewer', 'approver', 'finance', 'card_clerk', 'admin'] as const satisfies readonly Role[];
const DECIDERS = ['reviewer', 'approver'] as const satisfies readonly Role[];
/** Who works the CPD audit: those who review CPD hours, and admins who read it. */
const CPD_AUDITORS = ['reviewer', 'approver', 'admin'] as const satisfies readonly Role[];

/** A queue as the user sees it: which queue, its filters, search and order (the page, exports). */
export const queueView = z.object({
  queue: z.enum(QUEUES),
  sort: z.enum(QUEUE_SORTS).default('due'),
  service: z.enum(SERVICES).optional(),
  status: z.enum(STATUSES).optional(),
  nationality: z
    .string()
    .regex(/^[A-Z]{2}$/, 'expected a two-letter country code')
    .optional(),
  profession: plain(z.string().trim().min(1).max(100).optional()),
  assigneeId: id.optional(),
  submittedFrom: isoDay.optional(),
  submittedTo: isoDay.optional(),
  /** Reference, a name in either script, an ID or a mobile; words must all match. */
  search: plain(z.string().trim().max(SEARCH_MAX_CHARS).optional()),
});

/** A saved view is the queue call's own view, nothing more: a filter the queue does not know is refused by name. */
export const savedQueueView = queueView.strict();
const viewName = text(60);

export const contract = {
  'app.info': method(z.object({}), 'public').returns<AppInfo>(),
  /** The desktop app's version and updates (the update server is named in the desk folder's updates.json). */
  'app.updates': method(z.object({}), ['admin']).returns<UpdatesView>(),
  'auth.createFirstAdmin': method(
    z.object({ username, displayName: text(100), password, loadDemo: z.boolean().default(false) }),
    'public',
  ).returns<SessionInfo>(),
  'auth.signIn': method(z.object({ username: z.string().max(64), password: z.string().max(200) }), 'public').returns<SessionInfo>(),
  'auth.signOut': method(z.object({}), 'signed_in').returns<null>(),
  'auth.me': method(z.object({}), 'signed_in').returns<UserInfo>(),
  /** With the current (or, after a reset, the temporary) password; counted like a sign-in, and opens a session. */
  'auth.changePassword': method(
    z.object({ username: z.string().max(64), currentPassword: z.string().max(200), newPassword: password }),
    'public',
  ).returns<SessionInfo>(),

  'users.list': method(z.object({}), ['admin']).returns<UserAdminView[]>(),
  'users.create': method(z.object({ username, displayName: text(100), password, roles: z.array(z.enum(ROLES)).min(1) }), [
    'admin',
  ]).returns<UserInfo>(),
  /** Roles removed go at once; roles added wait for a second admin (users.grants). */
  'users.setRoles': method(z.object({ userId: id, roles: z.array(z.enum(ROLES)) }), ['admin']).returns<UserInfo>(),
  'users.update': method(z.object({ userId: id, displayName: text(100) }), ['admin']).returns<UserAdminView>(),
  /** Ends the user's sessions at once. */
  'users.disable': method(z.object({ userId: id }), ['admin']).returns<UserAdminView>(),
  'users.enable': method(z.object({ userId: id }), ['admin']).returns<UserAdminView>(),
  /** A temporary password the user must change at next sign-in. */
  'users.resetPassword': method(z.object({ userId: id, password }), ['admin']).returns<UserAdminView>(),
  'users.unlock': method(z.object({ userId: id }), ['admin']).returns<UserAdminView>(),
  /** Role grants waiting for a second admin's confirmation or review. */
  'users.grants': method(z.object({}), ['admin']).returns<RoleGrantView[]>(),
  'users.confirmGrant': method(z.object({ grantId: id }), ['admin']).returns<RoleGrantView[]>(),
  'users.refuseGrant': method(z.object({ grantId: id }), ['admin']).returns<RoleGrantView[]>(),

  'queues.counts': method(z.object({}), STAFF).returns<Record<QueueId, number>>(),
  'queues.page': method(
    queueView.extend({ offset: z.number().int().min(0).max(10_000_000), limit: z.number().int().min(1).max(500) }),
    STAFF,
  ).returns<QueuePage>(),

  'cases.get': method(z.object({ id }), STAFF).returns<CaseDetail>(),
  /** The applicant's other requests: same ID number first, then look-alike names (roles that see the checks). */
  'cases.applicantHistory': method(z.object({ requestId: id }), STAFF).returns<ApplicantHistory>(),
  /** The requests a full reference or an ID number names (the command palette); anything else finds nothing. */
  'cases.find': method(z.object({ text: plain(z.string().trim().min(1).max(SEARCH_MAX_CHARS)) }), STAFF).returns<FoundRequest[]>(),
  'cases.claim': method(z.object({ id, version }), DECIDERS).returns<CaseDetail>(),
  /** `queue`: pressed in New or Resubmitted, it takes from that queue only; without it, resubmissions first, then new. */
  'cases.claimNext': method(
    z.object({ service: z.enum(SERVICES).optional(), queue: z.enum(['new', 'resubmitted']).optional() }),
    DECIDERS,
  ).returns<CaseDetail | null>(),
  'cases.claimMany': method(z.object({ items: z.array(z.object({ id, version })).min(1).max(200) }), DECIDERS).returns<{
    claimed: number[];
    refused: Array<{ id: number; message: string; messageAr?: string }>;
  }>(),
  'cases.reassign': method(z.object({ id, version, assigneeId: id.nullable() }), ['approver', 'admin']).returns<CaseDetail>(),
  'cases.reroute': method(z.object({ id, version, service: z.enum(SERVICES) }), DECIDERS).returns<CaseDetail>(),
  'users.assignable': method(z.object({}), STAFF).returns<Array<{ id: number; displayName: string }>>(),
  /** A supervisor hands requests to a reviewer; each is re-checked alone and answered (assigned or why skipped). */
  'cases.assignMany': method(z.object({ assigneeId: id, items: z.array(z.object({ id, version })).min(1).max(500) }), SUPERVISOR_ROLES).returns<
    AssignOutcome[]
  >(),
  /** Each reviewer's open requests (and overdue ones where the desk keeps due dates). */
  'workload.reviewers': method(z.object({}), SUPERVISOR_ROLES).returns<ReviewerWorkload[]>(),

  /** The caller's own saved views and those shared with them, each with its count now. */
  'savedViews.list': method(z.object({}), STAFF).returns<SavedViewEntry[]>(),
  /** Keeps the view under a name; `sharedWith` (supervisors only) shows it to everyone or to one role. */
  'savedViews.save': method(
    z.object({ name: viewName, view: savedQueueView, sharedWith: z.enum(VIEW_AUDIENCES).nullable().default(null) }),
    STAFF,
  ).returns<SavedViewEntry>(),
  /** Renames a view or keeps the queue as it is now under its name: its owner's, or a shared one by a supervisor. */
  'savedViews.update': method(z.object({ id, name: viewName.optional(), view: savedQueueView.optional() }), STAFF).returns<SavedViewEntry>(),
  'savedViews.delete': method(z.object({ id }), STAFF).returns<null>(),
  'cases.release': method(z.object({ id, version }), DECIDERS).returns<CaseDetail>(),
  'cases.addNote': method(z.object({ id, kind: z.enum(NOTE_KINDS), text: text(4000) }), DECIDERS).returns<CaseDetail>(),
  'cases.returnToApplicant': method(z.object({ id, version, message: text(4000).optional() }), DECIDERS).returns<CaseDetail>(),
  'cases.approve': method(
    z.object({ id, version, override: z.object({ justification: plain(z.string().trim().min(10, 'at least 10 characters').max(2000)) }).optional() }),
    DECIDERS,
  ).returns<CaseDetail>(),
  'cases.countersign': method(z.object({ id, version }), ['approver']).returns<CaseDetail>(),
  'cases.reject': method(z.object({ id, version, reason: z.enum(REJECTION_REASONS), text: text(2000) }), DECIDERS).returns<CaseDetail>(),
  /** INQUIRY: the answer goes to the applicant as the note, and the request closes. */
  'cases.answer': method(z.object({ id, version, text: text(4000) }), DECIDERS).returns<CaseDetail>(),

  /** Referrals (#17): a case's questions to colleagues and their answers, with what the caller may do about them. */
  'referrals.forCase': method(z.object({ requestId: id }), ['reviewer', 'approver', 'admin']).returns<CaseReferrals>(),
  /** The holder of a request in review asks a named colleague, or any approver; one open question per request. */
  'referrals.ask': method(
    z.object({ requestId: id, addressee: z.union([z.literal('any_approver'), z.object({ userId: id })]), question: text(2000) }),
    DECIDERS,
  ).returns<CaseReferrals>(),
  /** The colleague asked (any approver but the asker, for "any approver") answers, once. */
  'referrals.answer': method(z.object({ referralId: id, answer: text(4000) }), DECIDERS).returns<CaseReferrals>(),
  /** Its asker takes an open question back. */
  'referrals.withdraw': method(z.object({ referralId: id }), DECIDERS).returns<CaseReferrals>(),
  /** "Questions for me": the open questions the caller may answer, oldest first. */
  'referrals.forMe': method(z.object({}), DECIDERS).returns<QuestionForMe[]>(),
  'referrals.waitingCount': method(z.object({}), DECIDERS).returns<{ count: number }>(),
  /** Whom the caller may ask: active reviewers and approvers but themselves. */
  'referrals.colleagues': method(z.object({}), DECIDERS).returns<ReferralColleague[]>(),

  'attachments.open': method(z.object({ id }), STAFF).returns<{ url: string; mime: string; fileName: string }>(),

  'refunds.forCase': method(z.object({ requestId: id }), STAFF).returns<CaseFinance>(),
  'refunds.request': method(z.object({ requestId: id, grounds }), ['finance', 'reviewer', 'approver']).returns<CaseFinance>(),
  'refunds.compute': method(z.object({ requestId: id, requestedAt: isoDay, grounds }), ['finance']).returns<CaseFinance>(),
  'refunds.approve': method(z.object({ refundId: id }), ['finance']).returns<CaseFinance>(),
  'refunds.recordPayout': method(z.object({ refundId: id, reference: text(64) }), ['finance']).returns<CaseFinance>(),
  /** The refunds of one stage across every request (finance's Refunds page). */
  'refunds.list': method(z.object({ stage: z.enum(REFUND_STAGES) }), ['finance', 'admin']).returns<RefundListRow[]>(),

  /** The fee schedule and every other policy value in force, and the versions before it. */
  'policy.current': method(z.object({}), STAFF).returns<PolicyVersionView>(),
  'policy.history': method(z.object({}), ['admin', 'finance']).returns<PolicyVersionView[]>(),
  /** Proposes a new policy version (in force once a second admin activates it); refused if another admin saved one since `basedOnVersion`, or while a proposal waits. */
  'policy.update': method(z.object({ basedOnVersion: id, policy: policySchema, note: text(500) }), ['admin']).returns<PolicyVersionView>(),
  /** Every waiting request whose checks or fee the proposed version would change. */
  'policy.whatIf': method(z.object({ version: id }), ['admin']).returns<PolicyWhatIf>(),
  /** Puts a proposal in force: only an admin other than its proposer (audited with both names). */
  'policy.activate': method(z.object({ version: id }), ['admin']).returns<PolicyVersionView>(),
  'policy.withdraw': method(z.object({ version: id }), ['admin']).returns<PolicyVersionView>(),

  /** The CPD audit queue: sampled and flagged renewals with the reason each is there. */
  'cpdAudit.queue': method(z.object({ show: z.enum(['open', 'completed']).default('open') }), CPD_AUDITORS).returns<CpdAuditRow[]>(),
  'cpdAudit.samples': method(z.object({}), CPD_AUDITORS).returns<CpdSampleView[]>(),
  /** Draws a period's sample (`month`: any month of it); `seed` draws again a sample drawn elsewhere, else a fresh seed is recorded. */
  'cpdAudit.draw': method(
    z.object({
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM'),
      seed: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - (1 to 64)')
        .optional(),
    }),
    ['approver', 'admin'],
  ).returns<CpdSampleView>(),
  'cpdAudit.forCase': method(z.object({ requestId: id }), CPD_AUDITORS).returns<CpdAuditView | null>(),
  /** Accepts or refuses one CPD activity with a reason (the holder of the request in review). */
  'cpdAudit.decide': method(
    z.object({ activityId: id, decision: z.enum(CPD_DECISIONS), reason: z.enum(CPD_REASON_CODES), note: text(500).optional() }),
    DECIDERS,
  ).returns<CpdAuditView>(),

  /** A payment gateway's reconciliation file (formats.md), all or nothing when a line is malformed. */
  'payments.import': method(z.object({ name: z.string().trim().min(1).max(255), content: z.string().max(20 * 1024 * 1024) }), [
    'finance',
  ]).returns<PaymentImportResult>(),
  'payments.imports': method(z.object({ limit: z.number().int().min(1).max(200).default(20) }), ['finance', 'admin']).returns<PaymentImportView[]>(),
  'payments.awaiting': method(z.object({ search: z.string().trim().max(100).optional() }), ['finance', 'admin']).returns<AwaitingPaymentRow[]>(),
  'payments.unmatched': method(z.object({ status: z.enum(['unmatched', 'assigned']).default('unmatched') }), ['finance', 'admin']).returns<
    UnmatchedPaymentView[]
  >(),
  /** Finance decides which invoice an unmatched line pays (audited, with the reason). */
  'payments.assign': method(
    z.object({
      unmatchedId: id,
      invoiceNumber: z
        .string()
        .trim()
        .regex(/^INV-\d{4}-\d{6}$/, 'expected INV-YYYY-NNNNNN'),
      note: text(500),
    }),
    ['finance'],
  ).returns<UnmatchedPaymentView>(),
  /** A bank transfer recorded from its proof by one officer; it counts only once another confirms it. */
  'payments.recordManual': method(
    z.object({
      invoiceId: id,
      amountHalalas: z.number().int().positive().max(100_000_000),
      paidOn: isoDay,
      transferReference: text(64),
      proof: z.union([
        z.object({ attachmentId: id }),
        z.object({
          fileName: z.string().trim().min(1).max(255),
          data: z
            .string()
            .max(30 * 1024 * 1024)
            .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64'),
        }),
      ]),
    }),
    ['finance'],
  ).returns<CaseFinance>(),
  'payments.pendingManual': method(z.object({}), ['finance', 'admin']).returns<PendingManualPaymentRow[]>(),
  'payments.confirmManual': method(z.object({ paymentId: id }), ['finance']).returns<CaseFinance>(),
  'payments.refuseManual': method(z.object({ paymentId: id, reason: text(500) }), ['finance']).returns<CaseFinance>(),
  /** Expected against received, per Riyadh day and channel. */
  'finance.reconciliation': method(
    z.object({ from: isoDay, to: isoDay }).refine((v) => v.from <= v.to, { message: 'the start date is after the end date', path: ['from'] }),
    ['finance', 'admin'],
  ).returns<ReconciliationRow[]>(),
  'finance.reconciliationExport': method(
    z
      .object({ from: isoDay, to: isoDay, lang: z.enum(['ar', 'en']) })
      .refine((v) => v.from <= v.to, { message: 'the start date is after the end date', path: ['from'] }),
    ['finance', 'admin'],
  ).returns<{ url: string; fileName: string }>(),

  'intake.upload': method(
    z.object({
      name: plain(z.string().trim().min(1).max(255)),
      /** The .zip bundle, base64. */
      data: z
        .string()
        .max(90 * 1024 * 1024)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64'),
    }),
    ['admin'],
  ).returns<BundleOutcomeView>(),

  'print.queue': method(z.object({ stage: z.enum(['ready', 'printed', 'delivered']), search: plain(z.string().trim().max(100).optional()) }), [
    'card_clerk',
    'admin',
  ]).returns<PrintQueueRow[]>(),
  /**
   * The preview of these requests' cards in one PDF (a link the viewer opens). It issues nothing and
   * records nothing: marked as a preview, no QR code, no number for a card not yet issued.
   */
  'print.cards': method(z.object({ requestIds: z.array(id).min(1).max(1000), layout: z.enum(['cr80', 'a4']) }), ['card_clerk', 'admin']).returns<{
    url: string;
    fileName: string;
    cards: string[];
  }>(),
  /**
   * "Confirm printed": issues each card's number on its first print, records every print (a card that
   * has a number already is a reprint and needs `reprintReason`), moves ready requests to printed, and
   * answers the PDF of the confirmed cards to send to the printer.
   */
  'print.markPrinted': method(
    z.object({
      items: z.array(z.object({ id, version })).min(1).max(1000),
      layout: z.enum(['cr80', 'a4']).default('cr80'),
      reprintReason: plain(z.string().trim().min(3).max(500).optional()),
    }),
    ['card_clerk', 'admin'],
  ).returns<{
    done: number[];
    refused: Array<{ id: number; message: string; messageAr?: string }>;
    /** The confirmed cards' PDF; null when none was confirmed. */
    url: string | null;
    fileName: string | null;
    cards: string[];
  }>(),
  'print.recordDelivery': method(
    z.object({
      id,
      version,
      delivery: z.discriminatedUnion('method', [
        z.object({ method: z.literal('mail'), trackingNumber: plain(z.string().trim().min(4).max(40)) }),
        z.object({ method: z.literal('branch'), branch: plain(z.string().trim().min(2).max(100)), receiverName: text(100) }),
      ]),
    }),
    ['card_clerk', 'admin'],
  ).returns<null>(),
  /** The A4 letter or certificate of a request whose document was issued; the answer is a link the viewer opens. */
  'documents.issued': method(z.object({ requestId: id }), STAFF).returns<{ url: string; fileName: string }>(),
  'reports.caseReport': method(z.object({ id, lang: z.enum(['ar', 'en']), copy: z.enum(['staff', 'applicant']).default('staff') }), STAFF).returns<{
    url: string;
    fileName: string;
  }>(),
  /** Integrity signals (#20): computed when asked, from the indexes of migration 0130 (electron/core/signals). */
  'signals.forCase': method(z.object({ requestId: id }), ['reviewer', 'approver', 'admin']).returns<SignalView[]>(),
  'signals.compare': method(
    z.object({ a: id, b: id }).refine((v) => v.a !== v.b, { message: 'compare two different requests', path: ['b'] }),
    ['reviewer', 'approver', 'admin'],
  ).returns<CompareView>(),
  'signals.perWeek': method(
    z
      .object({ from: isoDay.optional(), to: isoDay.optional() })
      .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'the start date is after the end date', path: ['from'] }),
    ['approver', 'admin'],
  ).returns<SignalWeek[]>(),
  /** Supervisors: the requests overdue or due today, by assignee (issue #17). */
  'escalations.list': method(z.object({}), SUPERVISOR_ROLES).returns<EscalationList>(),
  'dashboard.figures': method(
    z
      .object({ from: isoDay.optional(), to: isoDay.optional(), service: z.enum(SERVICES).optional() })
      .refine((v) => !v.from || !v.to || v.from <= v.to, {
        message: 'the start date is after the end date',
        path: ['from'],
      }),
    ['approver', 'admin', 'finance'],
  ).returns<DashboardFigures>(),
  /** Exports a queue view in the background; poll exports.status for progress and the file. */
  'exports.start': method(queueView.extend({ format: z.enum(['csv', 'xlsx', 'pdf']), lang: z.enum(['ar', 'en']) }), STAFF).returns<ExportJobView>(),
  'exports.status': method(z.object({ jobId: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/, 'expected an export id') }), STAFF).returns<ExportJobView>(),
  'exports.cancel': method(z.object({ jobId: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/, 'expected an export id') }), STAFF).returns<ExportJobView>(),
  /** Anyone holding a card can check it: no sign-in. */
  'cards.verify': method(z.object({ payload: z.string().trim().min(1).max(1000) }), 'public').returns<CardVerification>(),

  /** Newest first; `search` matches the reference, the address or a subject. */
  'outbox.list': method(
    z.object({
      limit: z.number().int().min(1).max(500).default(100),
      state: z.enum(DELIVERY_STATES).optional(),
      search: plain(z.string().trim().max(100).optional()),
    }),
    STAFF,
  ).returns<OutboxMessage[]>(),
  'outbox.counts': method(z.object({}), STAFF).returns<Record<DeliveryState, number>>(),
  'outbox.history': method(z.object({ id }), STAFF).returns<DeliveryAttempt[]>(),
  /** A failed or dead message goes back to the queue with its tries reset (audited). */
  'outbox.resend': method(z.object({ id }), ['admin']).returns<OutboxMessage>(),
  /** A queued, failed or dead message is never sent (audited). */
  'outbox.cancel': method(z.object({ id }), ['admin']).returns<OutboxMessage>(),
  'delivery.settings': method(z.object({}), ['admin']).returns<DeliverySettingsView>(),
  /** Saved outside the database (secrets in their own 0600 file); an absent password or key keeps the one saved (audited). */
  'delivery.saveSettings': method(
    z.object({
      email: z
        .object({
          host: plain(z.string().trim().min(1).max(255)),
          port: z.number().int().min(1).max(65535),
          security: z.enum(SMTP_SECURITY),
          user: plain(z.string().trim().max(255)),
          from: emailAddress,
          password: z.string().min(1).max(1000).optional(),
        })
        .nullable(),
      sms: z
        .object({
          url: z
            .string()
            .trim()
            .max(1000)
            .regex(/^https?:\/\/[^\s]+$/i, 'expected the gateway as an http(s) address'),
          key: z.string().min(1).max(1000).optional(),
          sender: plain(z.string().trim().min(1).max(32)),
        })
        .nullable(),
      maxAttempts: z.number().int().min(1).max(20),
    }),
    ['admin'],
  ).returns<DeliverySettingsView>(),
  /** Sends one test e-mail through the relay now. */
  'delivery.test': method(z.object({ to: emailAddress }), ['admin']).returns<{
    ok: boolean;
    answer: string;
  }>(),
  'backups.list': method(z.object({}), ['admin']).returns<BackupsView>(),
  'backups.run': method(z.object({}), ['admin']).returns<BackupsView>(),
  /** Walks the chain and compares it with the newest signed checkpoint; reads only. */
  'audit.verify': method(z.object({}), ['admin']).returns<AuditVerification>(),
  /** The newest signed checkpoint of the audit chain (kept outside the database), or null. */
  'audit.lastCheckpoint': method(z.object({}), ['admin']).returns<CheckpointView | null>(),
  /** The audit log newest first, filtered by user, request reference, action and Riyadh days; `before` is the previous page's. */
  'audit.browse': method(
    z
      .object({
        actorId: id.optional(),
        reference: plain(z.string().trim().min(1).max(40).optional()),
        action: z
          .string()
          .max(64)
          .regex(/^[a-z_]+(\.[a-z_]+)?$/)
          .optional(),
        from: isoDay.optional(),
        to: isoDay.optional(),
        before: id.optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'the start date is after the end date', path: ['from'] }),
    ['admin'],
  ).returns<AuditTrailPage>(),

  /** The newest change on the case database from any desk; views refresh when it moves (desks sharing PostgreSQL). */
  'desk.changes': method(z.object({}), 'signed_in').returns<{ cursor: number }>(),
  'settings.database': method(z.object({}), ['admin']).returns<DatabaseSettingsView>(),
  /** Tries an address (a SQLite file or postgres://…) without changing anything there. */
  'settings.testDatabase': method(z.object({ address: databaseAddress }), ['admin']).returns<DatabaseProbe>(),
  /** Saves the address this desk opens from its next start; null goes back to the default file. Refused unless it can be reached. */
  'settings.saveDatabase': method(z.object({ address: databaseAddress.nullable() }), ['admin']).returns<DatabaseSettingsView>(),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What the caller passes (defaults may be left out). */
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
/** What the handler receives, after validation and defaults. */
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>;
export type ResultOf<M extends MethodName> = Exclude<Contract[M]['result'], undefined>;

export const CONTRACT_METHODS = Object.keys(contract) as MethodName[];
export const isMethodName = (name: unknown): name is MethodName => typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
