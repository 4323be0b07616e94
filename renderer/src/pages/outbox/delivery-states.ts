import type { DeliveryOutcome, DeliveryState } from '../../../../shared/domain';
import type { MessageKey } from '../../i18n/messages';

/** Each state's colour; the badge always carries the state's words too, never colour alone. */
export const STATE_COLOR: Record<DeliveryState, string> = {
  queued: 'gray',
  sending: 'blue',
  sent: 'teal',
  failed: 'orange',
  dead: 'red',
  cancelled: 'dark',
};

export const stateLabel = (s: DeliveryState): MessageKey => `deliveryState_${s}`;
export const outcomeLabel = (o: DeliveryOutcome): MessageKey => `attempt_${o}`;

/** What an admin may still do with a message (the desk checks again when asked). */
export const canResend = (s: DeliveryState) => s === 'failed' || s === 'dead';
export const canCancel = (s: DeliveryState) => s === 'queued' || s === 'failed' || s === 'dead';

/** The messages that need a person: failed (retrying) and dead (given up). */
export const failingCount = (counts: Record<DeliveryState, number>) => counts.failed + counts.dead;
