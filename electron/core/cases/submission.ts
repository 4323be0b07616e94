import type { Trx } from './apply-transition';

/** The first line of every request's history: submitted by the applicant on the portal. */
export async function recordSubmission(trx: Trx, requestId: number, submittedAt: string): Promise<void> {
  await trx
    .insertInto('status_history')
    .values({
      request_id: requestId,
      action: 'submit',
      from_status: null,
      to_status: 'submitted',
      actor_id: null,
      at: submittedAt,
      reason_code: null,
      reason: null,
      policy_version: null,
    })
    .execute();
}
