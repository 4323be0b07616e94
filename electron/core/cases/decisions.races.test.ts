/**
 * Two decisions on one request at the same moment, straight through the core (no retry by the
 * dispatcher): one wins, the other is told the request changed — never a deadlock or another internal
 * error. On PostgreSQL a return writes its note (the audit chain's lock) before it moves the request;
 * a reject moves the request first: both take the request's row first, so they wait instead of deadlocking.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import { DeskFault } from '../errors';
import * as decide from './decisions';
import type { Actor } from '../actor';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('two decisions on one request at once', () => {
  it('return and reject: one wins, the other is a conflict, nothing else', async () => {
    const t = await testDesk();
    close = () => t.desk.close();
    await seedDemo(t.desk.db, t.clock, { cases: 40, seed: 13 });
    const { user } = await t.as('rev', ['reviewer']);
    const a: Actor = { user, clock: t.clock };
    const waiting = await t.desk.db
      .selectFrom('requests')
      .select(['id', 'version'])
      .where('status', '=', 'submitted')
      .where('service', '!=', 'INQUIRY')
      .orderBy('id')
      .limit(8)
      .execute();
    expect(waiting.length).toBe(8);
    for (const r of waiting) {
      await decide.claim(t.desk.db, a, r.id, r.version);
      const version = r.version + 1;
      const results = await Promise.allSettled([
        decide.returnToApplicant(t.desk.db, a, r.id, version, 'Please attach the employer letter.'),
        decide.reject(t.desk.db, a, r.id, version, 'ineligible', 'not eligible'),
      ]);
      const won = results.filter((x) => x.status === 'fulfilled');
      const lost = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(DeskFault);
      expect((lost[0]!.reason as DeskFault).code).toBe('conflict');
    }
  });

  // (An inquiry is never rejected, lifecycle.ts: its answer races a return instead, both open to its holder.)
  it('an inquiry answered and returned at once: one wins, the other is a conflict, one e-mail', async () => {
    const t = await testDesk();
    close = () => t.desk.close();
    await seedDemo(t.desk.db, t.clock, { cases: 20, seed: 14 });
    const { user } = await t.as('rev', ['reviewer']);
    const a: Actor = { user, clock: t.clock };
    const r = await t.desk.db
      .selectFrom('requests')
      .select(['id', 'version'])
      .where('status', '=', 'submitted')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await t.desk.db.updateTable('requests').set({ service: 'INQUIRY' }).where('id', '=', r.id).execute();
    await decide.claim(t.desk.db, a, r.id, r.version);
    const mailsBefore = (await t.desk.db.selectFrom('outbox').select('id').where('request_id', '=', r.id).execute()).length;
    const results = await Promise.allSettled([
      decide.answer(t.desk.db, a, r.id, r.version + 1, 'The fee for re-classification is listed on the portal.'),
      decide.returnToApplicant(t.desk.db, a, r.id, r.version + 1, 'Please say which service the question is about.'),
    ]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((x): x is PromiseRejectedResult => x.status === 'rejected')!;
    expect((lost.reason as DeskFault).code).toBe('conflict');
    const mails = await t.desk.db.selectFrom('outbox').select('id').where('request_id', '=', r.id).execute();
    expect(mails.length - mailsBefore).toBe(1);
  });
});
