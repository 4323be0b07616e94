import { afterEach, describe, expect, it } from 'vitest';
import { testDesk, TEST_PASSWORD } from '../testing/test-desk';
import type { Result, RoleGrantView, UserInfo } from '../../../shared/domain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function setup() {
  const t = await testDesk();
  close = () => t.desk.close();
  const call = <T = unknown>(token: string, name: string, args: unknown) => t.dispatch(name, args, token) as Promise<Result<T>>;
  const grants = async (token: string) => {
    const r = await call<RoleGrantView[]>(token, 'users.grants', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const create = async (token: string, username: string, roles: string[]) => {
    const r = await call<UserInfo>(token, 'users.create', { username, displayName: username, password: TEST_PASSWORD, roles });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const roles = async (userId: number) =>
    (await t.desk.db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute()).map((r) => r.role);
  const signIn = (username: string) => t.dispatch('auth.signIn', { username, password: TEST_PASSWORD });
  return { ...t, call, grants, create, roles, signIn };
}

describe('role grants on a desk with two admins', () => {
  it('a role given by one admin takes effect only when another confirms; not by the one who gave it', async () => {
    const t = await setup();
    const boss = await t.as('boss', ['admin']);
    const sara = await t.as('sara', ['admin']);
    const omar = await t.create(boss.token, 'omar', ['approver', 'reviewer']);
    expect(omar.roles).toEqual([]);
    // No role yet, so no sign-in.
    expect(await t.signIn('omar')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const waiting = await t.grants(boss.token);
    expect(waiting.map((g) => [g.user.username, g.role, g.status, g.mayConfirm])).toEqual([
      ['omar', 'approver', 'pending', false],
      ['omar', 'reviewer', 'pending', false],
    ]);
    expect(await t.call(boss.token, 'users.confirmGrant', { grantId: waiting[0]!.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.roles(omar.id)).toEqual([]);

    expect((await t.grants(sara.token)).every((g) => g.mayConfirm)).toBe(true);
    expect(await t.call(sara.token, 'users.confirmGrant', { grantId: waiting[1]!.id })).toMatchObject({ ok: true, value: [{ role: 'approver' }] });
    expect(await t.call(sara.token, 'users.refuseGrant', { grantId: waiting[0]!.id })).toMatchObject({ ok: true, value: [] });
    expect(await t.roles(omar.id)).toEqual(['reviewer']);
    expect((await t.signIn('omar')).ok).toBe(true);
    expect(await t.call(sara.token, 'users.confirmGrant', { grantId: waiting[0]!.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('two admins confirming one grant at the same moment: one confirms, the other is told it was decided', async () => {
    const t = await setup();
    const boss = await t.as('boss', ['admin']);
    const sara = await t.as('sara', ['admin']);
    const huda = await t.as('huda', ['admin']);
    const omar = await t.create(boss.token, 'omar', ['approver']);
    const [grant] = await t.grants(boss.token);
    const results = await Promise.all([
      t.call(sara.token, 'users.confirmGrant', { grantId: grant!.id }),
      t.call(huda.token, 'users.confirmGrant', { grantId: grant!.id }),
      t.call(huda.token, 'users.refuseGrant', { grantId: grant!.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'conflict')).toBe(true);
    const decided = await t.desk.db.selectFrom('role_grants').select('status').where('id', '=', grant!.id).executeTakeFirstOrThrow();
    expect(await t.roles(omar.id)).toEqual(decided.status === 'confirmed' ? ['approver'] : []);
  });

  it('setting roles: removed ones go at once (the sessions of a user left with none end), added ones wait', async () => {
    const t = await setup();
    const boss = await t.as('boss', ['admin']);
    await t.as('sara', ['admin']);
    const nora = await t.as('nora', ['reviewer']);
    expect(await t.call(boss.token, 'users.setRoles', { userId: nora.user.id, roles: ['approver'] })).toMatchObject({
      ok: true,
      value: { roles: [] },
    });
    expect(await t.dispatch('auth.me', {}, nora.token)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await t.grants(boss.token)).map((g) => [g.role, g.status])).toEqual([['approver', 'pending']]);
    // Dropping the role asked for withdraws its grant.
    await t.call(boss.token, 'users.setRoles', { userId: nora.user.id, roles: [] });
    expect(await t.grants(boss.token)).toEqual([]);
    expect(await t.call(boss.token, 'users.setRoles', { userId: boss.user.id, roles: ['reviewer'] })).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
  });
});

describe('role grants on a desk with a single admin', () => {
  it('take effect at once and wait, flagged, for the next admin, who may keep or remove them', async () => {
    const t = await setup();
    const boss = await t.as('boss', ['admin']);
    const ali = await t.create(boss.token, 'ali', ['approver']);
    expect(ali.roles).toEqual(['approver']);
    const sara = await t.create(boss.token, 'sara', ['admin']);
    expect(sara.roles).toEqual(['admin']);
    const flagged = await t.grants(boss.token);
    expect(flagged.map((g) => [g.user.username, g.role, g.status, g.mayConfirm])).toEqual([
      ['ali', 'approver', 'flagged', false],
      ['sara', 'admin', 'flagged', false],
    ]);
    const saraSession = await t.signIn('sara');
    const saraToken = (saraSession as { value: { token: string } }).value.token;
    // Sara reviews Ali's grant, not her own.
    expect((await t.grants(saraToken)).map((g) => [g.user.username, g.mayConfirm])).toEqual([
      ['ali', true],
      ['sara', false],
    ]);
    expect(await t.call(saraToken, 'users.confirmGrant', { grantId: flagged[1]!.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const aliSession = (await t.signIn('ali')) as { value: { token: string } };
    expect(await t.call(saraToken, 'users.refuseGrant', { grantId: flagged[0]!.id })).toMatchObject({ ok: true });
    expect(await t.roles(ali.id)).toEqual([]);
    expect(await t.dispatch('auth.me', {}, aliSession.value.token)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    // With two admins now, the next grant waits.
    const omar = await t.create(boss.token, 'omar', ['reviewer']);
    expect(omar.roles).toEqual([]);
  });
});
