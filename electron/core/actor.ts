/** Who is acting on the desk: the signed-in user, the desk's clock, and the signer of anything issued on their behalf. */
import type { UserInfo } from '../../shared/domain';
import type { Clock } from './time/clock';
import type { CardSigner } from './documents/card-signing';

export interface Actor {
  user: UserInfo;
  clock: Clock;
  /** Signs the QR of a letter issued at approval when there is nothing to pay (handlers pass the desk's). */
  cardSigner?: CardSigner;
}
