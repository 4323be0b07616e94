/**
 * An admin's resend or cancel fired at the same moment as a worker's claim, or as another admin's
 * resend, on the case database (SQLite and PostgreSQL): each message ends in exactly one of the
 * outcomes the calls allow, the loser is told why, and the history holds only what happened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import { queueApplicantNotice, recipient } from '../cases/notify';
import { DeskFault } from '../errors';
import { cancelMessage, resendMessage } from './admin';
import { claimNext } from './claim';

const START = '2026-03-10T08:00:00.000Z';
const MESSAGES = 12;

let t: Awaited<ReturnType<typeof testDesk>>;
let adminId: number;
let otherAdminId: number;
beforeAll(async () => {
  t = await testDesk(':memory:', START);
  await seedDemo(t.desk.db, t.clock, { cases: 6, seed: 11 });
  adminId = (await t.as('admin-a', ['admin'])).user.id;
  otherAdminId = (await t.as('admin-b', ['admin'])).user.id;
}, 60_000);
afterAll(async () => t?.desk.close());

/** Empties the outbox, then queues `MESSAGES` e-mails left in `state` with their back-off over. */
async function messagesIn(state: 'failed' | 'dead'): Promise<number[]> {
  const db = t.desk.db;
  await db.deleteFrom('delivery_attempts').execute();
  await db.updateTable('outbox').set({ copy_of: null }).execute();
  await db.deleteFrom('outbox').execute();
  const requestId = (await db.selectFrom('requests').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
  for (let i = 0; i < MESSAGES; i++)
    await db.transaction().execute(async (trx) => queueApplicantNotice(trx, await recipient(trx, requestId), { kind: 'approved' }, START));
  await db.updateTable('outbox').set({ state, attempts: 3, next_attempt_at: START, last_error: '451 try later' }).execute();
  return (await db.selectFrom('outbox').select('id').where('channel', '=', 'email').orderBy('id').execute()).map((r) => r.id);
}

const claimOptions = (worker: string) => ({
  worker,
  now: new Date('2026-03-10T09:00:00.000Z'),
  leaseMs: 60_000,
  channels: ['email'] as const,
  smsCopies: false,
});

/** The call's failure as its fault code, or 'ok'. Anything but a DeskFault is a bug and fails the test. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (e) {
    if (e instanceof DeskFault) return e.code;
    throw e;
  }
}

describe('outbox admin calls racing the delivery worker', () => {
  it('cancel against a claim: each message is either cancelled and never claimed, or claimed and the cancel refused', async () => {
    const ids = await messagesIn('failed');
    const now = new Date('2026-03-10T09:00:00.000Z');
    const claims: Array<Promise<number | null>> = [];
    const cancels = ids.map((id, i) => {
      // The claim and the cancel leave together; the claim takes whichever due message comes first.
      claims.push(claimNext(t.desk.db, claimOptions(`worker-${i}`)).then((m) => m?.id ?? null));
      return outcome(cancelMessage(t.desk.db, { actorId: adminId, now }, id));
    });
    const [cancelled, claimed] = await Promise.all([Promise.all(cancels), Promise.all(claims)]);
    const taken = claimed.filter((id): id is number => id !== null);
    expect(new Set(taken).size).toBe(taken.length); // no message claimed twice

    const rows = await t.desk.db.selectFrom('outbox').select(['id', 'state']).where('id', 'in', ids).orderBy('id').execute();
    rows.forEach((row, i) => {
      const result = cancelled[i];
      if (result === 'ok') {
        expect(row.state).toBe('cancelled');
        expect(taken).not.toContain(row.id);
      } else {
        // The worker took it first: the admin is told it changed (or is now 'sending'), and it stays the worker's.
        expect(['conflict', 'invalid_transition']).toContain(result);
        expect(row.state).toBe('sending');
        expect(taken).toContain(row.id);
      }
    });
    // Every claim that got nothing found every message cancelled or taken; none is left claimable and untouched.
    const left = rows.filter((r) => r.state === 'failed');
    expect(left).toEqual([]);
    const history = await t.desk.db.selectFrom('delivery_attempts').select(['outbox_id', 'outcome']).execute();
    expect(history.filter((h) => h.outcome === 'cancelled').length).toBe(cancelled.filter((c) => c === 'ok').length);
  });

  it('two admins resending the same dead messages at once: one resend each, the other told it changed', async () => {
    const ids = await messagesIn('dead');
    const now = new Date('2026-03-10T09:00:00.000Z');
    const results = await Promise.all(
      ids.flatMap((id) => [
        outcome(resendMessage(t.desk.db, { actorId: adminId, now }, id)),
        outcome(resendMessage(t.desk.db, { actorId: otherAdminId, now }, id)),
      ]),
    );
    for (let i = 0; i < ids.length; i++) {
      const pair = [results[2 * i], results[2 * i + 1]].sort();
      expect(pair[1]).toBe('ok');
      expect(['conflict', 'invalid_transition']).toContain(pair[0]);
    }
    const rows = await t.desk.db.selectFrom('outbox').select(['state', 'attempts']).where('id', 'in', ids).execute();
    expect(rows.every((r) => r.state === 'queued' && r.attempts === 0)).toBe(true);
    const resends = await t.desk.db.selectFrom('delivery_attempts').select('outbox_id').where('outcome', '=', 'resent').execute();
    expect(resends.length).toBe(ids.length);
    const audited = await t.desk.db.selectFrom('audit_log').select('seq').where('action', '=', 'outbox.resend').execute();
    expect(audited.length).toBe(ids.length);
  });

  it('resend against cancel on the same dead message: exactly one of them lands', async () => {
    const ids = await messagesIn('dead');
    const now = new Date('2026-03-10T09:00:00.000Z');
    const results = await Promise.all(
      ids.map((id) =>
        Promise.all([
          outcome(resendMessage(t.desk.db, { actorId: adminId, now }, id)),
          outcome(cancelMessage(t.desk.db, { actorId: otherAdminId, now }, id)),
        ]),
      ),
    );
    const rows = await t.desk.db.selectFrom('outbox').select(['id', 'state']).where('id', 'in', ids).orderBy('id').execute();
    rows.forEach((row, i) => {
      const [resend, cancel] = results[i]!;
      const landed = [resend, cancel].filter((r) => r === 'ok').length;
      // A resend then a cancel can both land (queued is cancellable); a cancel then a resend cannot.
      if (landed === 2) expect(row.state).toBe('cancelled');
      else if (resend === 'ok') expect(row.state).toBe('queued');
      else {
        expect(cancel).toBe('ok');
        expect(row.state).toBe('cancelled');
      }
    });
  });
});
