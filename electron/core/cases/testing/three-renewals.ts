/** Test helpers for the SLA: a desk holding three renewals whose due days differ from their submission order. */
import { afterEach, expect } from 'vitest';
import { testDesk, TEST_PASSWORD } from '../../testing/test-desk';
import { signIn } from '../../auth/users';
import { samplePolicy } from '../../policy/sample-policy';
import { importBundles } from '../../intake/import-batch';
import { goodRequestJson, writeFolder } from '../../intake/testing/request-bundles';
import * as decide from '../decisions';
import type { QueuePage } from '../../../../shared/domain/index';

/**
 * Three renewals (5 working days, no holiday in March 2026 before Eid):
 *  A submitted Sun 1 Mar → due Sun 8 Mar;
 *  B submitted Tue 24 Feb, returned Wed 25 Feb, resubmitted Mon 9 Mar: 8 working days with the applicant → due Sun 15 Mar;
 *  C submitted Mon 9 Mar → due Mon 16 Mar.
 * By submission B comes first; by due day A does.
 */
export async function threeRenewals() {
  const t = await testDesk(':memory:', '2026-02-24T10:00:00.000Z');
  const rev = await t.as('rev', ['reviewer']);
  const rev2 = await t.as('rev2', ['reviewer']);
  const admin = await t.as('boss', ['admin']);
  const run = async (reference: string, submittedAt: string) => {
    const [r] = await importBundles(t.desk.db, t.clock, samplePolicy(), [writeFolder(goodRequestJson({ reference, submittedAt }))]);
    expect(r).toMatchObject({ ok: true });
  };
  const row = (reference: string) => t.desk.db.selectFrom('requests').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
  const actor = { user: rev.user, clock: t.clock };
  await run('REQ-2026-000002', '2026-02-24T09:30:00+03:00');
  t.clock.set('2026-02-25T08:00:00.000Z');
  const b = await row('REQ-2026-000002');
  expect(b.sla_due_on).toBe('2026-03-03');
  await decide.claim(t.desk.db, actor, b.id, b.version);
  expect((await row('REQ-2026-000002')).sla_due_on).toBe('2026-03-03');
  await decide.returnToApplicant(t.desk.db, actor, b.id, b.version + 1, 'Please attach a newer employer letter.');
  t.clock.set('2026-03-01T08:00:00.000Z');
  await run('REQ-2026-000001', '2026-03-01T09:30:00+03:00');
  t.clock.set('2026-03-09T08:00:00.000Z');
  await run('REQ-2026-000002', '2026-02-24T09:30:00+03:00'); // the resubmission
  await run('REQ-2026-000003', '2026-03-09T09:30:00+03:00');
  /** A session opened now: the clock moves days between steps, and sessions end when idle. */
  const tokenOf = async (name: string) => (await signIn(t.desk.db, t.clock, name, TEST_PASSWORD)).token;
  const page = async (name: string, args: Record<string, unknown> = {}) => {
    const r = await t.dispatch('queues.page', { queue: 'all', offset: 0, limit: 50, ...args }, await tokenOf(name));
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as QueuePage).rows;
  };
  return { ...t, rev, rev2, admin, row, page, tokenOf };
}

/** For a test file: a setup giving threeRenewals(), whose desk is closed after each test. */
export function threeRenewalsEachTest(): () => ReturnType<typeof threeRenewals> {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });
  return async () => {
    const t = await threeRenewals();
    close = () => t.desk.close();
    return t;
  };
}
