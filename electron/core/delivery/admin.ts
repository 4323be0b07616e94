/**
 * What an admin does with a message that will not go: send it again (its tries start over) or
 * cancel it. Each re-checks the message's state inside its own transaction and is audited.
 */
import type { DeskDb } from '../db/connection';
import type { DeliveryAttempt, DeliveryState } from '../../../shared/domain';
import { appendAudit } from '../audit/chain';
import { DeskFault, notFound } from '../errors';
import { DELIVERY_STATE_WORDS } from './state-words';

const RESENDABLE: readonly DeliveryState[] = ['failed', 'dead'];
const CANCELLABLE: readonly DeliveryState[] = ['queued', 'failed', 'dead'];

export interface DeliveryAdmin {
  actorId: number;
  now: Date;
}

export async function resendMessage(db: DeskDb, a: DeliveryAdmin, id: number): Promise<void> {
  await change(db, a, id, RESENDABLE, 'resent', {
    state: 'queued',
    attempts: 0,
    next_attempt_at: null,
    claimed_by: null,
    claimed_until: null,
  });
}

export async function cancelMessage(db: DeskDb, a: DeliveryAdmin, id: number): Promise<void> {
  await change(db, a, id, CANCELLABLE, 'cancelled', { state: 'cancelled', next_attempt_at: null, claimed_by: null, claimed_until: null });
}

async function change(
  db: DeskDb,
  a: DeliveryAdmin,
  id: number,
  from: readonly DeliveryState[],
  outcome: 'resent' | 'cancelled',
  set: { state: DeliveryState; attempts?: number; next_attempt_at: null; claimed_by: null; claimed_until: null },
): Promise<void> {
  const at = a.now.toISOString();
  const resending = outcome === 'resent';
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('outbox').select(['state', 'channel', 'request_id', 'message_id']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`outbox message ${id}`, `رسالة صندوق الصادر ${id}`, 'feminine');
    if (!from.includes(row.state)) {
      const words = DELIVERY_STATE_WORDS[row.state];
      throw new DeskFault(
        'invalid_transition',
        `message ${id} is ${words.en}: only a ${from.map((s) => DELIVERY_STATE_WORDS[s].en).join(' or ')} message can be ${outcome}`,
        `الرسالة ${id} ${words.ar}: ${outcome === 'resent' ? 'لا يعاد الإرسال إلا لرسالة' : 'لا تلغى إلا رسالة'} ${from.map((s) => DELIVERY_STATE_WORDS[s].ar).join(' أو ')}`,
      );
    }
    // The state is in the WHERE too: a worker cannot have taken the message between the read and the write.
    const done = await trx.updateTable('outbox').set(set).where('id', '=', id).where('state', '=', row.state).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1)
      throw new DeskFault('conflict', `message ${id} changed meanwhile; look again`, `تغيرت الرسالة ${id} في هذه الأثناء؛ أعد النظر`);
    await trx
      .insertInto('delivery_attempts')
      .values({ outbox_id: id, at, outcome, detail: `${row.state} -> ${set.state}`, by_user_id: a.actorId })
      .execute();
    await appendAudit(trx, {
      at,
      actorId: a.actorId,
      action: resending ? 'outbox.resend' : 'outbox.cancel',
      entity: 'outbox',
      entityId: id,
      data: { from: row.state, channel: row.channel, requestId: row.request_id, messageId: row.message_id },
    });
  });
}

/** The message's history, oldest first: each try with the relay's answer, each resend and cancel with who did it. */
export async function messageHistory(db: DeskDb, id: number): Promise<DeliveryAttempt[]> {
  const exists = await db.selectFrom('outbox').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) throw notFound(`outbox message ${id}`, `رسالة صندوق الصادر ${id}`, 'feminine');
  const rows = await db
    .selectFrom('delivery_attempts as d')
    .leftJoin('users as u', 'u.id', 'd.by_user_id')
    .select(['d.at', 'd.outcome', 'd.detail', 'u.display_name'])
    .where('d.outbox_id', '=', id)
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({ at: r.at, outcome: r.outcome, detail: r.detail, by: r.display_name }));
}
