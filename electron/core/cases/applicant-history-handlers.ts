/** The contract's cases.applicantHistory and cases.find (applicant-history.ts). */
import type { CallContext, Handlers } from '../call-context';
import type { Desk } from '../desk/open-desk';
import { DeskFault } from '../errors';
import { currentPolicy } from '../policy/current-policy';
import { applicantHistory, findByReferenceOrId } from './applicant-history';

export function applicantHistoryHandlers(deps: Desk): Pick<Handlers, 'cases.applicantHistory' | 'cases.find'> {
  const { db, clock } = deps;
  const signedIn = (ctx: CallContext) => {
    if (!ctx.user) throw new DeskFault('unauthenticated', 'sign in first', 'سجل الدخول أولاً');
    return ctx.user;
  };
  return {
    'cases.applicantHistory': async (args, ctx) => {
      const { policy } = await currentPolicy(db, clock.now().toISOString());
      return applicantHistory(db, args.requestId, signedIn(ctx), policy.duplicateBirthToleranceYears);
    },
    'cases.find': async (args, ctx) => {
      signedIn(ctx);
      return findByReferenceOrId(db, args.text);
    },
  };
}
