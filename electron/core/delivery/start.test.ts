/** The desk's worker as desk/background-jobs.ts starts it: a demo desk's decision reaches its capture folder without anyone asking. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import { queueApplicantNotice, recipient } from '../cases/notify';
import { startDelivery } from './start';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('the delivery worker of a running desk', () => {
  it('delivers on its own, takes a nudge, and stops', async () => {
    const t = await testDesk();
    close = () => t.desk.close();
    await seedDemo(t.desk.db, t.clock, { cases: 4, seed: 5 });
    const folder = join(mkdtempSync(join(tmpdir(), 'desk-start-')), 'outbox-capture');
    t.desk.deliveryCapture = folder;
    const lines: string[] = [];
    // A long interval: only the first round and the nudge can deliver within the test.
    const stop = startDelivery(t.desk, (l) => lines.push(l), 3_600_000);
    expect(t.desk.nudgeDelivery).toBeTypeOf('function');
    const waitFor = async (done: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await done()); i++) await new Promise((r) => setTimeout(r, 25));
    };
    const pending = () => t.desk.db.selectFrom('outbox').select('id').where('state', '!=', 'sent').execute();
    await waitFor(async () => (await pending()).length === 0);
    expect(await pending()).toEqual([]);
    const requestId = (await t.desk.db.selectFrom('requests').select('id').limit(1).executeTakeFirstOrThrow()).id;
    await t.desk.db
      .transaction()
      .execute(async (trx) => queueApplicantNotice(trx, await recipient(trx, requestId), { kind: 'approved' }, t.clock.now().toISOString()));
    expect(await pending()).toHaveLength(1);
    t.desk.nudgeDelivery!();
    await waitFor(async () => (await pending()).length === 0);
    expect(await pending()).toEqual([]);
    expect(readdirSync(folder).filter((f) => f.endsWith('.eml')).length).toBeGreaterThan(0);
    await stop();
    expect(t.desk.nudgeDelivery).toBeUndefined();
    expect(lines).toEqual([]);
  }, 60_000);
});
