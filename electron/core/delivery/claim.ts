/**
 * Taking the next message to send. A message is due when it is queued, or failed and its back-off
 * is over, or 'sending' under a lease that ran out (its worker died between sending and recording:
 * it goes again with the same Message-ID, which the relay recognises). The claim is a transaction:
 * on PostgreSQL the row is locked FOR UPDATE SKIP LOCKED, so desks sharing the database each take
 * a different message; on SQLite one writer at a time does the same.
 */
import { randomUUID } from 'node:crypto';
import type { DeskDb } from '../db/connection';
import { dialectOf } from '../db/dialect';
import type { Trx } from '../cases/apply-transition';
import type { DeliveryChannel } from '../../../shared/domain';
import { outboxMessageId } from '../cases/notify';

export interface ClaimedMessage {
  id: number;
  requestId: number | null;
  channel: DeliveryChannel;
  to: string;
  subjectAr: string;
  subjectEn: string;
  bodyAr: string;
  bodyEn: string;
  messageId: string;
  attachment: 'letter' | null;
  /** Tries so far, this one included. */
  attempts: number;
}

export interface ClaimOptions {
  /** Who holds the claim (a desk's worker); recorded on the row. */
  worker: string;
  now: Date;
  /** How long the claim holds: longer than any send can take (every wait of a send is bounded). */
  leaseMs: number;
  /** The channels this worker can send now. */
  channels: readonly DeliveryChannel[];
  /** Make the SMS copy of an e-mail the first time it is taken (an SMS gateway is set). */
  smsCopies: boolean;
}

export async function claimNext(db: DeskDb, o: ClaimOptions): Promise<ClaimedMessage | null> {
  if (o.channels.length === 0) return null;
  const at = o.now.toISOString();
  const until = new Date(o.now.getTime() + o.leaseMs).toISOString();
  const postgres = dialectOf(db) === 'postgres';
  return db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('outbox')
      .select([
        'id',
        'request_id',
        'channel',
        'to_address',
        'subject_ar',
        'subject_en',
        'body_ar',
        'body_en',
        'message_id',
        'attachment',
        'attempts',
        'state',
        'kind',
      ])
      .where('channel', 'in', [...o.channels])
      .where((eb) =>
        eb.or([
          eb.and([eb('state', 'in', ['queued', 'failed']), eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', at)])]),
          eb.and([eb('state', '=', 'sending'), eb('claimed_until', '<=', at)]),
        ]),
      )
      .orderBy('id')
      .limit(1);
    if (postgres) q = q.forUpdate().skipLocked();
    const row = await q.executeTakeFirst();
    if (!row) return null;
    const taken = await trx
      .updateTable('outbox')
      .set((eb) => ({ state: 'sending', claimed_by: o.worker, claimed_until: until, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', row.id)
      .where('state', '=', row.state)
      .where('attempts', '=', row.attempts)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return null;
    if (o.smsCopies && row.channel === 'email' && row.request_id !== null) await makeSmsCopy(trx, row, row.request_id, at);
    return {
      id: row.id,
      requestId: row.request_id,
      channel: row.channel,
      to: row.to_address,
      subjectAr: row.subject_ar,
      subjectEn: row.subject_en,
      bodyAr: row.body_ar,
      bodyEn: row.body_en,
      messageId: row.message_id,
      attachment: row.attachment,
      attempts: row.attempts + 1,
    };
  });
}

type CopiedEmail = { id: number; kind: string; subject_ar: string; subject_en: string };

/**
 * The SMS beside an e-mail, to the applicant's mobile when one is on file: once per e-mail (a unique
 * copy_of), however many times or by however many desks the e-mail is taken.
 */
async function makeSmsCopy(trx: Trx, email: CopiedEmail, requestId: number, at: string): Promise<void> {
  const exists = await trx.selectFrom('outbox').select('id').where('copy_of', '=', email.id).executeTakeFirst();
  if (exists) return;
  const p = await trx
    .selectFrom('requests')
    .innerJoin('practitioners', 'practitioners.id', 'requests.practitioner_id')
    .select('practitioners.mobile')
    .where('requests.id', '=', requestId)
    .executeTakeFirst();
  const mobile = p?.mobile.trim() ?? '';
  if (mobile === '') return;
  const token = randomUUID();
  const inserted = await trx
    .insertInto('outbox')
    .values({
      request_id: requestId,
      to_address: mobile,
      kind: email.kind,
      subject_ar: email.subject_ar,
      subject_en: email.subject_en,
      // The text sent is made from the subjects (sms-text.ts); the bodies stay with the e-mail.
      body_ar: email.subject_ar,
      body_en: email.subject_en,
      created_at: at,
      sent_at: null,
      channel: 'sms',
      message_id: `<outbox-new.${token}@mumaris-desk>`,
      copy_of: email.id,
    })
    .onConflict((oc) => oc.column('copy_of').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted)
    await trx
      .updateTable('outbox')
      .set({ message_id: outboxMessageId(inserted.id, token) })
      .where('id', '=', inserted.id)
      .execute();
}
