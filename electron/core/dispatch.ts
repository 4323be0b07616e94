import { hiddenCharacterRefusal } from './validation/hidden-characters';
import { contract, isMethodName, type MethodName } from '../../shared/contract';
import type { Result, Role } from '../../shared/domain';
import type { DeskDeps } from './desk/open-desk';
import { DeskFault } from './errors';
import { retryLostRaces } from './db/lost-races';
import { resolveSession } from './auth/users';
import { currentPolicy } from './policy/current-policy';
import type { Handlers } from './call-context';
import { arabicIssue } from './validation/issue-arabic';
import { inputIssue } from './validation/input-issue';
import type { DeskError, InputIssue } from '../../shared/domain';

/** `source`: the client address the host saw, for sign-in lockouts; left out for the desktop app ('local'). */
export type Dispatch = (name: string, args: unknown, sessionToken?: string, source?: string) => Promise<Result<unknown>>;

function fail(code: DeskFault['code'], message: string, messageAr?: string, issue?: InputIssue): Result<never> {
  const error: DeskError = { code, message, ...(messageAr ? { messageAr } : {}), ...(issue ? { issue } : {}) };
  return { ok: false, error };
}

/**
 * The door every call passes through, whatever the transport: the name must be in the
 * contract, the arguments must parse, and the caller must hold a role the contract names.
 */
export function createDispatch(handlers: Handlers, deps: Pick<DeskDeps, 'db' | 'clock'>, log: (e: unknown) => void = console.error): Dispatch {
  // The idle timeout is policy; it is read again at most once a minute, not on every call.
  let idle = { minutes: 30, readAt: -Infinity };
  const idleMinutes = async (now: Date) => {
    if (now.getTime() - idle.readAt > 60_000)
      idle = { minutes: (await currentPolicy(deps.db, now.toISOString())).policy.sessionIdleMinutes, readAt: now.getTime() };
    return idle.minutes;
  };
  return async (name, rawArgs, sessionToken, source) => {
    if (!isMethodName(name)) return fail('not_found', `unknown call ${String(name).slice(0, 80)}`);
    const def = contract[name];
    try {
      // Who is calling is settled before the arguments are even read.
      const now = deps.clock.now();
      const user = await resolveSession(deps.db, sessionToken, now, await idleMinutes(now));
      if (def.access !== 'public') {
        if (!user) return fail('unauthenticated', 'your session has ended; sign in again', 'انتهت الجلسة؛ سجل الدخول مرة أخرى');
        if (def.access !== 'signed_in' && !user.roles.some((r) => (def.access as readonly Role[]).includes(r))) {
          return fail('forbidden', `${name} needs one of the roles: ${(def.access as readonly Role[]).join(', ')}`, 'ليست لديك صلاحية لهذا الإجراء');
        }
      }
      const parsed = def.args.safeParse(rawArgs ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = issue.path.join('.') || '(arguments)';
        // The sentences serve the command line and the log; the screen words `issue` from its dictionary.
        return fail('bad_input', `${field}: ${issue.message}`, `${field}: ${arabicIssue(issue)}`, inputIssue(issue, rawArgs));
      }
      const hidden = hiddenCharacterRefusal(parsed.data);
      if (hidden) return fail('bad_input', hidden.message, hidden.messageAr, hidden.issue);
      const handler = handlers[name as MethodName] as (a: unknown, c: unknown) => Promise<unknown>;
      const value = await retryLostRaces(() => handler(parsed.data, { user, sessionToken, source }));
      return { ok: true, value };
    } catch (e) {
      if (e instanceof DeskFault) return { ok: false, error: e.toError() };
      log(e);
      return fail(
        'internal',
        'the desk could not complete this; nothing was changed. The error is in the log.',
        'تعذر إكمال العملية ولم يتغير شيء. الخطأ مسجل في السجل.',
      );
    }
  };
}
