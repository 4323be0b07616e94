import type { SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema';
import type { QueueId, Status, UserInfo } from '../../../shared/domain';

export type RequestQuery = SelectQueryBuilder<Database, 'requests', object>;

/**
 * The queues that are exactly a status (or every request, `all`), as inQueue below selects them: their counts are
 * the status tallies' (migration 0210). The others depend on the viewer or on another table.
 */
export const STATUS_QUEUES: Partial<Record<QueueId, Status | 'every'>> = {
  new: 'submitted',
  resubmitted: 'resubmitted',
  awaiting_applicant: 'returned',
  awaiting_payment: 'awaiting_payment',
  ready_to_print: 'ready_to_print',
  all: 'every',
};

/** Which requests each queue shows (domain.md statuses; "mine" is what the user holds). */
export function inQueue(q: RequestQuery, queue: QueueId, user: UserInfo): RequestQuery {
  switch (queue) {
    case 'new':
      return q.where('requests.status', '=', 'submitted');
    case 'mine':
      return q.where('requests.assignee_id', '=', user.id).where('requests.status', 'in', ['in_review', 'resubmitted']);
    case 'resubmitted':
      return q.where('requests.status', '=', 'resubmitted');
    case 'awaiting_applicant':
      return q.where('requests.status', '=', 'returned');
    case 'awaiting_second_signature':
      // Not the ones this user signed first: their second signature is another's to give (decisions.ts countersign).
      // The first signer is kept on the request while it waits (0260, apply-transition.ts).
      return q
        .where('requests.status', '=', 'awaiting_second_signature')
        .where((eb) => eb.or([eb('requests.first_signer_id', 'is', null), eb('requests.first_signer_id', '!=', user.id)]));
    case 'awaiting_payment':
      return q.where('requests.status', '=', 'awaiting_payment');
    case 'ready_to_print':
      return q.where('requests.status', '=', 'ready_to_print');
    case 'refunds':
      return q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('refunds')
            .select('refunds.id')
            .whereRef('refunds.request_id', '=', 'requests.id')
            .where('refunds.status', 'in', ['requested', 'computed']),
        ),
      );
    case 'all':
      return q;
  }
}
