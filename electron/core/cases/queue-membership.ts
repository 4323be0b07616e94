import type { SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema';
import type { QueueId, UserInfo } from '../../../shared/domain';

export type RequestQuery = SelectQueryBuilder<Database, 'requests', object>;

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
      return q.where('requests.status', '=', 'awaiting_second_signature').where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('status_history as first')
              .select('first.id')
              .whereRef('first.request_id', '=', 'requests.id')
              .where('first.action', '=', 'approve')
              .where('first.actor_id', '=', user.id)
              .where('first.id', '=', (sub) =>
                sub
                  .selectFrom('status_history as latest')
                  .select((l) => l.fn.max('latest.id').as('id'))
                  .whereRef('latest.request_id', '=', 'requests.id')
                  .where('latest.action', '=', 'approve'),
              ),
          ),
        ),
      );
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
