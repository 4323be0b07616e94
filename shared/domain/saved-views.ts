import type { QueueSort } from './cases';
import type { Service } from './services';
import type { QueueId, Role, Status } from './statuses';

/** A queue as a user looks at it: the queue, its filters, its search and its order (the queue call's own arguments). */
export interface QueueViewFilters {
  queue: QueueId;
  sort: QueueSort;
  service?: Service;
  status?: Status;
  nationality?: string;
  profession?: string;
  assigneeId?: number;
  submittedFrom?: string;
  submittedTo?: string;
  search?: string;
}

/** Who a shared view is for: everyone at the desk, or the holders of one role. */
export const VIEW_AUDIENCES = ['everyone', 'reviewer', 'approver', 'finance', 'card_clerk', 'admin'] as const satisfies ReadonlyArray<
  'everyone' | Role
>;
export type ViewAudience = (typeof VIEW_AUDIENCES)[number];

/** Who shares views with others and assigns requests to reviewers (domain.md: "supervisor / admin"). */
export const SUPERVISOR_ROLES = ['approver', 'admin'] as const satisfies readonly Role[];
export const isSupervisor = (roles: readonly Role[]) => roles.some((r) => (SUPERVISOR_ROLES as readonly Role[]).includes(r));

/** A saved view as the navigation lists it, with its live count. */
export interface SavedViewEntry {
  id: number;
  name: string;
  /** null: the owner's own view. */
  sharedWith: ViewAudience | null;
  owner: { id: number; displayName: string };
  view: QueueViewFilters;
  /** Requests in the view now; null when the view cannot be shown (`problem`). */
  count: number | null;
  /** A search view counts at most the search's list limit: more matched. */
  moreThanCount?: boolean;
  /** The caller may rename, change or delete it (their own; a shared one: a supervisor). */
  mayEdit: boolean;
  /** Why the view cannot be shown (a filter the desk no longer knows, a search the caller's role may not run). */
  problem?: { message: string; messageAr: string };
}

/** What became of one request of a bulk assignment. */
export type AssignOutcome =
  | { id: number; reference: string; outcome: 'assigned' | 'unchanged' }
  | {
      id: number;
      /** Empty when the request was not found. */
      reference: string;
      outcome: 'skipped';
      /** deciding: another desk is deciding it now (or a first signature waits for the second); changed: its version or status moved since the list was read; status: its status takes no assignment; not_found. */
      reason: 'deciding' | 'changed' | 'status' | 'not_found';
      /** Its status now, when it exists. */
      status?: Status;
      message: string;
      messageAr: string;
    };

/** One reviewer's load, for a supervisor. */
export interface ReviewerWorkload {
  user: { id: number; displayName: string; username: string };
  /** Held in review. */
  inReview: number;
  /** Back from the applicant to this reviewer. */
  resubmitted: number;
  /** Returned by this reviewer, waiting for the applicant. */
  withApplicant: number;
  /** Requests held whose SLA due day has passed. */
  overdue: number;
  /** The oldest open request's submission time, or null. */
  oldestSubmittedAt: string | null;
}
