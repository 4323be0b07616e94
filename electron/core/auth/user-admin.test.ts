import { afterEach, describe, expect, it } from 'vitest';
import { testDesk, TEST_PASSWORD } from '../testing/test-desk';
import type { Result } from '../../../shared/domain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function setup() {
  const t = await testDesk();
  close = () => t.desk.close();
  const admin = await t.as('boss', ['admin']);
  const call = (name: string, args: unknown, token = admin.token) => t.dispatch(name, args, token);
  const signIn = (username: string, password: string) => t.dispatch('auth.signIn', { username, password });
  const sessionsOf = async (userId: number) =>
    (await t.desk.db.selectFrom('sessions').select('user_id').where('user_id', '=', userId).execute()).length;
  return { ...t, admin, call, signIn, sessionsOf };
}

const TEMPORARY = 'temporary-pass-1234';
const CHOSEN = 'river-stone-lantern';

describe('user administration', () => {
  it('disabling ends the sessions at once and refuses sign-in; enabling lets the user back', async () => {
    const t = await setup();
    const nora = await t.as('nora', ['reviewer']);
    expect(await t.call('users.disable', { userId: nora.user.id })).toMatchObject({ ok: true, value: { active: false } });
    expect(await t.dispatch('auth.me', {}, nora.token)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await t.sessionsOf(nora.user.id)).toBe(0);
    expect(await t.signIn('nora', TEST_PASSWORD)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await t.call('users.disable', { userId: nora.user.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await t.call('users.disable', { userId: t.admin.user.id })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await t.call('users.enable', { userId: nora.user.id })).toMatchObject({ ok: true, value: { active: true } });
    expect((await t.signIn('nora', TEST_PASSWORD)).ok).toBe(true);
    const audit = await t.desk.db.selectFrom('audit_log').select('action').where('action', 'in', ['user.disable', 'user.enable']).execute();
    expect(audit.map((a) => a.action)).toEqual(['user.disable', 'user.enable']);
  });

  it('a sign-in racing the disable leaves the disabled user without any session', async () => {
    const t = await setup();
    const nora = await t.as('nora', ['reviewer']);
    const [signedIn, disabled] = await Promise.all([t.signIn('nora', TEST_PASSWORD), t.call('users.disable', { userId: nora.user.id })]);
    expect(disabled.ok).toBe(true);
    expect(await t.sessionsOf(nora.user.id)).toBe(0);
    if (signedIn.ok)
      expect(await t.dispatch('auth.me', {}, (signedIn.value as { token: string }).token)).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated' },
      });
  });

  it('a reset password must be changed at next sign-in; the change opens a session and the temporary one stops working', async () => {
    const t = await setup();
    const nora = await t.as('nora', ['reviewer']);
    expect(await t.call('users.resetPassword', { userId: nora.user.id, password: 'nora-temporary-1' })).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    expect(await t.call('users.resetPassword', { userId: nora.user.id, password: TEMPORARY })).toMatchObject({
      ok: true,
      value: { mustChangePassword: true },
    });
    expect(await t.dispatch('auth.me', {}, nora.token)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await t.signIn('nora', TEST_PASSWORD)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await t.signIn('nora', TEMPORARY)).toMatchObject({ ok: false, error: { code: 'password_change_required' } });

    const change = (currentPassword: string, newPassword: string) =>
      t.dispatch('auth.changePassword', { username: 'nora', currentPassword, newPassword }) as Promise<Result<{ token: string }>>;
    expect(await change('wrong-password', CHOSEN)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await change(TEMPORARY, TEMPORARY)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const changed = await change(TEMPORARY, CHOSEN);
    expect(changed).toMatchObject({ ok: true, value: { user: { username: 'nora' } } });
    expect((await t.dispatch('auth.me', {}, (changed as { value: { token: string } }).value.token)).ok).toBe(true);
    expect(await t.signIn('nora', TEMPORARY)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await t.signIn('nora', CHOSEN)).ok).toBe(true);
    const row = await t.desk.db
      .selectFrom('users')
      .select(['must_change_password', 'password_reset_by'])
      .where('id', '=', nora.user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ must_change_password: 0, password_reset_by: t.admin.user.id });
  });

  it('an admin renames a user and lifts a lock; both audited', async () => {
    const t = await setup();
    const nora = await t.as('nora', ['reviewer']);
    expect(await t.call('users.update', { userId: nora.user.id, displayName: 'Nora A.' })).toMatchObject({
      ok: true,
      value: { displayName: 'Nora A.' },
    });
    for (let i = 0; i < 5; i++) await t.signIn('nora', 'wrong-password');
    const list = (await t.call('users.list', {})) as Result<Array<{ username: string; lockedUntil: string | null; failedAttempts: number }>>;
    expect(list.ok && list.value.find((u) => u.username === 'nora')).toMatchObject({ failedAttempts: 5, lockedUntil: expect.any(String) });
    expect(await t.call('users.unlock', { userId: nora.user.id })).toMatchObject({ ok: true, value: { lockedUntil: null, failedAttempts: 0 } });
    expect((await t.signIn('nora', TEST_PASSWORD)).ok).toBe(true);
    const audit = await t.desk.db.selectFrom('audit_log').select('action').where('action', 'in', ['user.update', 'user.unlock']).execute();
    expect(audit).toHaveLength(2);
    expect(await t.call('users.update', { userId: 999, displayName: 'X' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('the first admin', () => {
  it('several first-run screens submitting at once on an empty database make exactly one admin', async () => {
    const t = await testDesk();
    close = () => t.desk.close();
    const results = await Promise.all(
      ['chief', 'deputy', 'third'].map((username) =>
        t.dispatch('auth.createFirstAdmin', { username, displayName: username, password: 'long-enough-password' }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['first_run_done', 'first_run_done']);
    expect(await t.desk.db.selectFrom('users').select('id').execute()).toHaveLength(1);
  });
});
