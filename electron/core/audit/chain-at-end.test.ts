/**
 * Entries held back to a transaction's end (appendingAtEnd, used by every decision: decide-on.ts): none is written
 * while the work runs, all are appended in the order they were made and link into one verifiable chain, and a
 * transaction that fails appends nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { appendAudit, appendingAtEnd, verifyAuditChain } from './chain';

let t: Awaited<ReturnType<typeof testDesk>>;
beforeAll(async () => {
  t = await testDesk();
});
afterAll(async () => t?.desk.close());

const entry = (action: string) => ({ at: '2026-03-10T08:00:00.000Z', actorId: null, action, entity: 'x', entityId: action });
const actions = async () => (await t.desk.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);

it('appends the held entries together at the end, in order, and they verify', async () => {
  const before = await actions();
  await t.desk.db.transaction().execute((trx) =>
    appendingAtEnd(trx, async () => {
      expect(await appendAudit(trx, entry('first'))).toBeNull();
      await appendAudit(trx, entry('second'));
      // Nothing written yet, in this very transaction.
      expect(await trx.selectFrom('audit_log').select('seq').where('action', 'in', ['first', 'second']).execute()).toEqual([]);
      await appendAudit(trx, entry('third'));
    }),
  );
  expect(await actions()).toEqual([...before, 'first', 'second', 'third']);
  // An entry appended at once afterwards links to the last of them.
  await appendAudit(t.desk.db, entry('after'));
  expect(await verifyAuditChain(t.desk.db)).toMatchObject({ ok: true, entries: before.length + 4 });
});

it('appends nothing when the work fails', async () => {
  const before = await actions();
  await expect(
    t.desk.db.transaction().execute((trx) =>
      appendingAtEnd(trx, async () => {
        await appendAudit(trx, entry('lost'));
        throw new Error('refused');
      }),
    ),
  ).rejects.toThrow('refused');
  expect(await actions()).toEqual(before);
  expect(await verifyAuditChain(t.desk.db)).toMatchObject({ ok: true });
});
