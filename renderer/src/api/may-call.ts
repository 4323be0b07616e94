import { contract, type MethodName } from '../../../shared/contract';
import type { Role } from '../../../shared/domain';
import { useSession } from './session';

/**
 * Whether a user holding `roles` may make the call: the access list the contract declares and the main
 * process checks (electron/core/dispatch.ts), read here rather than written out again. A screen shows a
 * page or a button of a call only to those the desk would let make it.
 */
export function mayCall(roles: readonly Role[] | undefined, method: MethodName): boolean {
  const access = contract[method].access;
  if (access === 'public') return true;
  if (!roles) return false;
  return access === 'signed_in' || roles.some((r) => access.includes(r));
}

/** mayCall for the signed-in user. */
export function useMayCall(): (method: MethodName) => boolean {
  const { user } = useSession();
  return (method) => mayCall(user?.roles, method);
}
