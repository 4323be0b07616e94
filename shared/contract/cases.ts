/** Queues, cases and the decisions on them, saved views, referrals and the CPD audit. */
import { z } from 'zod';
import { isoDay, id, version, text, plain, STAFF, DECIDERS, CPD_AUDITORS, method } from './method';
import {
  type CaseDetail,
  type QueueId,
  type QueuePage,
  CPD_DECISIONS,
  CPD_REASON_CODES,
  type CpdAuditRow,
  type CpdAuditView,
  type CpdSampleView,
  type CaseReferrals,
  type QuestionForMe,
  type ReferralColleague,
  NOTE_KINDS,
  QUEUES,
  QUEUE_SORTS,
  REJECTION_REASONS,
  SERVICES,
  STATUSES,
} from '../domain';
import { SEARCH_MAX_CHARS, type ApplicantHistory, type FoundRequest } from '../domain/applicant-history';
import { SUPERVISOR_ROLES, VIEW_AUDIENCES, type AssignOutcome, type ReviewerWorkload, type SavedViewEntry } from '../domain/saved-views';

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

export const caseMethods = {
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
} as const;
