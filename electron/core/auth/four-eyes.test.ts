import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../testing/test-desk';
import { seededTestDesk } from '../testing/seeded-desk';
import { DEMO_PASSWORD } from '../demo/seed';
import type { Result, RoleGrantView, UserInfo } from '../../../shared/domain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function setup() {
  const t = await seededTestDesk({ cases: 12, seed: 7 });
  close = () => t.desk.close();
  const call = <T = unknown>(token: string, name: string, args: unknown) => t.dispatch(name, args, token) as Promise<Result<T>>;
  const tokenOf = async (username: string, password = TEST_PASSWORD) => {
    const r = await t.dispatch('auth.signIn', { username, password });
    if (!r.ok) throw new Error(`${username}: ${r.error.message}`);
    return (r.value as { token: string }).token;
  };
  // The first signer holds every role; the demo's own admin is the second admin who confirms grants.
  const boss = await t.as('boss', ['admin', 'approver', 'reviewer']);
  const otherAdmin = await tokenOf('admin', DEMO_PASSWORD);
  const confirmAll = async () => {
    const r = await call<RoleGrantView[]>(otherAdmin, 'users.grants', {});
    for (const g of r.ok ? r.value : []) expect((await call(otherAdmin, 'users.confirmGrant', { grantId: g.id })).ok).toBe(true);
  };
  /** A request approved once by `token`, waiting for its second signature. */
  const awaitingSecond = async (token: string) => {
    const req = await t.desk.db
      .selectFrom('requests')
      .select(['id', 'version'])
      .where('status', '=', 'submitted')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await t.desk.db.updateTable('requests').set({ service: 'CLASSIFICATION_OUTSIDE' }).where('id', '=', req.id).execute();
    expect((await call(token, 'cases.claim', { id: req.id, version: req.version })).ok).toBe(true);
    const first = await call(token, 'cases.approve', {
      id: req.id,
      version: req.version + 1,
      override: { justification: 'Documents verified on paper at the branch.' },
    });
    expect(first).toMatchObject({ ok: true, value: { status: 'awaiting_second_signature' } });
    return { id: req.id, version: req.version + 2 };
  };
  return { ...t, call, tokenOf, boss, otherAdmin, confirmAll, awaitingSecond };
}

const SPONSORED = { ok: false, error: { code: 'forbidden', message: expect.stringContaining('the first signer created') as unknown } };

describe('four-eyes between users', () => {
  it('an admin who approved cannot countersign through a user they created with the approver role', async () => {
    const t = await setup();
    const req = await t.awaitingSecond(t.boss.token);
    const created = await t.call<UserInfo>(t.boss.token, 'users.create', {
      username: 'puppet',
      displayName: 'Puppet',
      password: TEST_PASSWORD,
      roles: ['approver'],
    });
    expect(created).toMatchObject({ ok: true, value: { roles: [] } });
    await t.confirmAll();
    const puppet = await t.tokenOf('puppet');
    expect(await t.call(puppet, 'cases.countersign', req)).toMatchObject(SPONSORED);
    // Nothing was written: an independent approver still signs the same version.
    expect((await t.call(await t.tokenOf('approver1', DEMO_PASSWORD), 'cases.countersign', req)).ok).toBe(true);
  });

  it('nor through a user they gave the role to, confirmed a grant for, or reset the password of', async () => {
    const t = await setup();
    await t.as('granted', ['reviewer']);
    await t.as('confirmed', ['reviewer']);
    const reset = await t.as('reset', ['approver']);
    const idOf = async (username: string) =>
      (await t.desk.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

    expect((await t.call(t.boss.token, 'users.setRoles', { userId: await idOf('granted'), roles: ['reviewer', 'approver'] })).ok).toBe(true);
    await t.confirmAll();
    // The other admin asks, the first signer confirms.
    expect((await t.call(t.otherAdmin, 'users.setRoles', { userId: await idOf('confirmed'), roles: ['reviewer', 'approver'] })).ok).toBe(true);
    const waiting = await t.call<RoleGrantView[]>(t.boss.token, 'users.grants', {});
    for (const g of waiting.ok ? waiting.value : []) expect((await t.call(t.boss.token, 'users.confirmGrant', { grantId: g.id })).ok).toBe(true);
    expect((await t.call(t.boss.token, 'users.resetPassword', { userId: reset.user.id, password: 'temporary-pass-1234' })).ok).toBe(true);
    const changed = await t.dispatch('auth.changePassword', {
      username: 'reset',
      currentPassword: 'temporary-pass-1234',
      newPassword: 'river-stone-lantern',
    });
    expect(changed.ok).toBe(true);

    const req = await t.awaitingSecond(t.boss.token);
    for (const token of [await t.tokenOf('granted'), await t.tokenOf('confirmed'), (changed as { value: { token: string } }).value.token])
      expect(await t.call(token, 'cases.countersign', req)).toMatchObject(SPONSORED);
    const history = await t.desk.db
      .selectFrom('status_history')
      .select('action')
      .where('request_id', '=', req.id)
      .where('action', '=', 'countersign')
      .execute();
    expect(history).toEqual([]);
  });
});
