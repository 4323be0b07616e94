/** The contract's referral calls (spread into handlers.ts): questions on a case to a colleague, and their answers. */
import type { CallContext, Handlers } from '../call-context';
import type { Desk } from '../desk/open-desk';
import type { UserInfo } from '../../../shared/domain';
import { DeskFault } from '../errors';
import { answerReferral, askReferral, withdrawReferral } from './referrals';
import { caseReferrals, colleaguesOf, questionsForMe, questionsWaitingCount } from './referral-views';

type ReferralMethods =
  | 'referrals.forCase'
  | 'referrals.ask'
  | 'referrals.answer'
  | 'referrals.withdraw'
  | 'referrals.forMe'
  | 'referrals.waitingCount'
  | 'referrals.colleagues';

const me = (ctx: CallContext): UserInfo => {
  if (!ctx.user) throw new DeskFault('unauthenticated', 'sign in first', 'سجل الدخول أولاً');
  return ctx.user;
};

export function referralHandlers(deps: Desk): Pick<Handlers, ReferralMethods> {
  const { db, clock } = deps;
  const actor = (ctx: CallContext) => ({ user: me(ctx), clock });
  return {
    'referrals.forCase': (args, ctx) => caseReferrals(db, args.requestId, me(ctx)),
    'referrals.ask': async (args, ctx) => {
      await askReferral(db, actor(ctx), args.requestId, args.addressee, args.question);
      return caseReferrals(db, args.requestId, me(ctx));
    },
    'referrals.answer': async (args, ctx) => caseReferrals(db, await answerReferral(db, actor(ctx), args.referralId, args.answer), me(ctx)),
    'referrals.withdraw': async (args, ctx) => caseReferrals(db, await withdrawReferral(db, actor(ctx), args.referralId), me(ctx)),
    'referrals.forMe': (_args, ctx) => questionsForMe(db, me(ctx)),
    'referrals.waitingCount': async (_args, ctx) => ({ count: await questionsWaitingCount(db, me(ctx)) }),
    'referrals.colleagues': (_args, ctx) => colleaguesOf(db, me(ctx)),
  };
}
