/** The contract's CPD audit and policy what-if calls (spread into handlers.ts). */
import type { CallContext, Handlers } from '../call-context';
import type { Desk } from '../desk/open-desk';
import type { UserInfo } from '../../../shared/domain';
import { DeskFault } from '../errors';
import { cpdAuditQueue, cpdSamples } from './audit-queue';
import { cpdAuditOf } from './audit-view';
import { decideCpdActivity } from './decide-activity';
import { drawCpdSample } from './draw-sample';
import { policyWhatIf } from '../policy/what-if';
import { activatePolicy, withdrawPolicy } from '../policy/activation';

type CpdMethods =
  | 'cpdAudit.queue'
  | 'cpdAudit.samples'
  | 'cpdAudit.draw'
  | 'cpdAudit.forCase'
  | 'cpdAudit.decide'
  | 'policy.whatIf'
  | 'policy.activate'
  | 'policy.withdraw';

const me = (ctx: CallContext): UserInfo => {
  if (!ctx.user) throw new DeskFault('unauthenticated', 'sign in first', 'سجل الدخول أولاً');
  return ctx.user;
};

export function cpdHandlers(deps: Desk): Pick<Handlers, CpdMethods> {
  const { db, clock } = deps;
  const now = () => clock.now().toISOString();
  return {
    'cpdAudit.queue': (args) => cpdAuditQueue(db, args.show),
    'cpdAudit.samples': () => cpdSamples(db),
    'cpdAudit.draw': (args, ctx) => drawCpdSample(db, { user: me(ctx), clock, blobs: deps.blobs }, args),
    'cpdAudit.forCase': (args, ctx) => cpdAuditOf(db, args.requestId, me(ctx), now()),
    'cpdAudit.decide': async (args, ctx) => {
      const requestId = await decideCpdActivity(db, { user: me(ctx), clock }, args);
      return (await cpdAuditOf(db, requestId, me(ctx), now()))!;
    },
    'policy.whatIf': (args) => policyWhatIf(db, args.version, now()),
    'policy.activate': (args, ctx) => activatePolicy(db, { user: me(ctx), clock }, args.version),
    'policy.withdraw': (args, ctx) => withdrawPolicy(db, { user: me(ctx), clock }, args.version),
  };
}
