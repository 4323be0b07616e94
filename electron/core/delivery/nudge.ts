import type { MethodName } from '../../../shared/contract';
import type { Handlers } from '../call-context';

/** The calls that may queue a message for the applicant (a decision, a payment) or put one back in the queue. */
const QUEUES_MESSAGES: readonly MethodName[] = [
  'cases.returnToApplicant',
  'cases.approve',
  'cases.countersign',
  'cases.reject',
  'cases.answer',
  'cases.reroute',
  'payments.import',
  'payments.assign',
  'payments.recordManual',
  'payments.confirmManual',
  'outbox.resend',
];

/** After such a call succeeds the delivery worker starts a round at once, rather than at its next tick. */
export function nudgingDelivery(handlers: Handlers, nudge: () => void): Handlers {
  const out = { ...handlers } as Record<MethodName, (args: never, ctx: never) => Promise<unknown>>;
  for (const name of QUEUES_MESSAGES) {
    const h = out[name];
    out[name] = async (args, ctx) => {
      const value = await h(args, ctx);
      nudge();
      return value;
    };
  }
  return out as unknown as Handlers;
}
