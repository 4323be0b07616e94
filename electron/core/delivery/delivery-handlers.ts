/** The contract's outbox and delivery calls (spread into handlers.ts; outbox.list stays there). */
import { randomUUID } from 'node:crypto';
import type { CallContext, Handlers } from '../call-context';
import type { Desk } from '../desk/open-desk';
import type { OutboxMessage, UserInfo } from '../../../shared/domain';
import { DeskFault, notFound } from '../errors';
import { appendAudit } from '../audit/chain';
import { outboxCounts, outboxMessage } from '../cases/outbox';
import { cancelMessage, messageHistory, resendMessage } from './admin';
import { deliveryConfig, deliverySettingsView, readDeliverySettings, saveDeliverySettings } from './settings';
import { transportsFor } from './worker';

type DeliveryMethods =
  'outbox.counts' | 'outbox.history' | 'outbox.resend' | 'outbox.cancel' | 'delivery.settings' | 'delivery.saveSettings' | 'delivery.test';

const me = (ctx: CallContext): UserInfo => {
  if (!ctx.user) throw new DeskFault('unauthenticated', 'sign in first', 'سجل الدخول أولاً');
  return ctx.user;
};

/** A test message waits at most this long for the relay: the admin is looking at the screen. */
const TEST_TIMEOUT_MS = 10_000;

export function deliveryHandlers(deps: Desk): Pick<Handlers, DeliveryMethods> {
  const { db, clock } = deps;
  const capture = () => deps.deliveryCapture ?? null;
  const shown = async (id: number, ctx: CallContext): Promise<OutboxMessage> => {
    const m = await outboxMessage(db, id, me(ctx));
    if (!m) throw notFound(`outbox message ${id}`, `رسالة صندوق الصادر ${id}`, 'feminine');
    return m;
  };
  return {
    'outbox.counts': () => outboxCounts(db),
    'outbox.history': (args) => messageHistory(db, args.id),
    'outbox.resend': async (args, ctx) => {
      await resendMessage(db, { actorId: me(ctx).id, now: clock.now() }, args.id);
      return shown(args.id, ctx);
    },
    'outbox.cancel': async (args, ctx) => {
      await cancelMessage(db, { actorId: me(ctx).id, now: clock.now() }, args.id);
      return shown(args.id, ctx);
    },
    'delivery.settings': async () => deliverySettingsView(deps.settingsFolder, capture()),
    'delivery.saveSettings': async (args, ctx) => {
      const actorId = me(ctx).id;
      const before = readDeliverySettings(deps.settingsFolder);
      saveDeliverySettings(deps.settingsFolder, args);
      // What changed, never a secret: only whether one was given.
      await db.transaction().execute((trx) =>
        appendAudit(trx, {
          at: clock.now().toISOString(),
          actorId,
          action: 'delivery.settings',
          entity: 'desk',
          entityId: null,
          data: {
            email: args.email
              ? { host: args.email.host, port: args.email.port, security: args.email.security, user: args.email.user, from: args.email.from }
              : null,
            passwordChanged: args.email?.password !== undefined,
            sms: args.sms ? { url: args.sms.url, sender: args.sms.sender } : null,
            keyChanged: args.sms?.key !== undefined,
            maxAttempts: args.maxAttempts,
            before: { email: before.settings.email, sms: before.settings.sms, maxAttempts: before.settings.maxAttempts },
          },
        }),
      );
      return deliverySettingsView(deps.settingsFolder, capture());
    },
    'delivery.test': async (args, ctx) => {
      const actorId = me(ctx).id;
      const config = deliveryConfig(deps.settingsFolder, capture());
      const email = transportsFor(config, TEST_TIMEOUT_MS).email;
      let result: { ok: boolean; answer: string };
      if (!email) result = { ok: false, answer: 'no e-mail relay is set; save one first' };
      else {
        try {
          const { answer } = await email.send({
            channel: 'email',
            to: args.to,
            subjectAr: 'رسالة تجريبية من مكتب مراجعة طلبات ممارس',
            subjectEn: 'Test message from the Mumaris Review Desk',
            bodyAr: 'هذه رسالة تجريبية للتحقق من إعدادات البريد. لا يلزمكم أي إجراء.',
            bodyEn: 'This is a test message to check the e-mail settings. No action is needed.',
            messageId: `<test.${randomUUID()}@mumaris-desk>`,
            attachment: null,
          });
          result = { ok: true, answer };
        } catch (e) {
          result = { ok: false, answer: e instanceof Error ? e.message : String(e) };
        }
      }
      await db.transaction().execute((trx) =>
        appendAudit(trx, {
          at: clock.now().toISOString(),
          actorId,
          action: 'delivery.test',
          entity: 'desk',
          entityId: null,
          data: { to: args.to, ok: result.ok, answer: result.answer.slice(0, 500) },
        }),
      );
      return result;
    },
  };
}
