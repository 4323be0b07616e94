/**
 * The shape of the contract's implementation, apart from the implementation (handlers.ts) so that the
 * handler groups of each room (auth/user-handlers.ts, delivery/delivery-handlers.ts …) and dispatch.ts can
 * name it without importing the file that imports them.
 */
import type { MethodName, ParsedArgsOf, ResultOf } from '../../shared/contract';
import type { UserInfo } from '../../shared/domain';

/** Who is calling, as dispatch.ts settled it before the arguments were read. */
export interface CallContext {
  /** The signed-in user; null only for public calls. */
  user: UserInfo | null;
  sessionToken?: string;
  /** The client address the host saw (sign-in lockouts); undefined for the desktop app. */
  source?: string;
}

/** One function per method of shared/contract.ts, given its parsed arguments and the caller. */
export type Handlers = {
  [M in MethodName]: (args: ParsedArgsOf<M>, ctx: CallContext) => Promise<ResultOf<M>>;
};
