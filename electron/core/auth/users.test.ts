import { describe, expect, it } from 'vitest';
import { testDesk, TEST_PASSWORD } from '../testing/test-desk';
import { contract } from '../../../shared/contract';

describe('sessions and passwords', () => {
  it('a session idle longer than the policy allows has ended; activity keeps it alive', async () => {
    const t = await testDesk(':memory:', '2026-11-23T08:00:00.000Z');
    const { token } = await t.as('idle', ['reviewer']);
    t.clock.set('2026-11-23T08:25:00.000Z');
    expect((await t.dispatch('auth.me', {}, token)).ok).toBe(true);
    t.clock.set('2026-11-23T08:50:00.000Z'); // 25 minutes after the last call
    expect((await t.dispatch('auth.me', {}, token)).ok).toBe(true);
    t.clock.set('2026-11-23T09:21:00.000Z'); // 31 minutes idle
    expect(await t.dispatch('auth.me', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await t.dispatch('auth.me', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await t.desk.close();
  });

  it('refuses short, repeated, common passwords and the user name inside the password; audits the new user', async () => {
    const t = await testDesk();
    const admin = await t.as('boss', ['admin']);
    const create = (username: string, password: string) =>
      t.dispatch('users.create', { username, displayName: username, password, roles: ['reviewer'] }, admin.token);
    expect(await create('nora', 'short')).toMatchObject({ ok: false, error: { code: 'bad_input', message: 'password: at least 10 characters' } });
    expect(await create('nora', 'aaaaaaaaaaaa')).toMatchObject({ ok: false, error: { message: 'password: not one character repeated' } });
    expect(await create('nora', 'Password123')).toMatchObject({ ok: false, error: { message: 'password: too common: choose another' } });
    expect(await create('nora', 'nora-is-the-best')).toMatchObject({ ok: false, error: { message: 'password: must not contain the user name' } });
    expect(contract['users.create'].args.safeParse({ username: 'xyz', displayName: 'x', password: TEST_PASSWORD, roles: ['reviewer'] }).success).toBe(
      true,
    );
    expect((await create('nora', 'river-stone-lantern')).ok).toBe(true);
    const entry = await t.desk.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', '=', 'user.create')
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    expect(entry).toEqual({ action: 'user.create', actor_id: admin.user.id });
    await t.desk.close();
  });
});
