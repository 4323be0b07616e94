import { afterEach, describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { testDesk, TEST_PASSWORD } from '../testing/test-desk';
import { createUser } from './users';
import { LOCKOUT_MINUTES, MAX_FAILED_PER_SOURCE } from './sign-in-limits';
import type { Result } from '../../../shared/domain/index';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function setup() {
  const t = await testDesk();
  close = () => t.desk.close();
  const signIn = (username: string, password: string, source?: string) => t.dispatch('auth.signIn', { username, password }, undefined, source);
  const account = (username: string) =>
    t.desk.db
      .selectFrom('users')
      .select(['id', 'failed_attempts', 'locked_until', 'lockouts'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
  const audits = (action: string) =>
    t.desk.db.selectFrom('audit_log').select(['actor_id', 'entity_id', 'data']).where('action', '=', action).execute();
  return { ...t, signIn, account, audits };
}

const errorOf = (r: Result<unknown>) => (r.ok ? null : r.error);
const GENERIC = { code: 'unauthenticated', message: expect.stringContaining('wrong user name or password') as unknown };

describe('sign-in under a burst', () => {
  // From one source (its own lock also applies) and from 41 sources (only the account's lock can stop it).
  for (const [rightAt, sources] of [
    [0, 41],
    [20, 1],
    [40, 41],
  ] as const) {
    it(`40 wrong passwords and the right one (at ${rightAt}) from ${sources} source(s) at once: no session, every refusal counted, the account locked`, async () => {
      const t = await setup();
      const admin = await t.as('boss', ['admin']);
      await t.as('nora', ['reviewer']);
      const passwords = Array.from({ length: 40 }, (_, i) => `wrong-password-${i}`);
      passwords.splice(rightAt, 0, TEST_PASSWORD);
      const results = await Promise.all(passwords.map((p, i) => t.signIn('nora', p, `burst-${i % sources}`)));

      expect(results.filter((r) => r.ok)).toEqual([]);
      expect(results[rightAt]).toMatchObject({ ok: false, error: GENERIC });
      // One message for all: whether locked or wrong cannot be told apart.
      expect(new Set(results.map((r) => JSON.stringify(errorOf(r)))).size).toBe(1);
      const row = await t.account('nora');
      expect(row.failed_attempts).toBe(41);
      expect(row.locked_until! > t.clock.now().toISOString()).toBe(true);
      const failed = (await t.audits('auth.failed')).filter((a) => a.entity_id === String(row.id));
      expect(failed).toHaveLength(41);
      expect((await t.audits('auth.locked')).filter((a) => a.entity_id === String(row.id))).toHaveLength(1);

      // Still locked for the right password, until an admin unlocks.
      expect(await t.signIn('nora', TEST_PASSWORD, 'elsewhere')).toMatchObject({ ok: false, error: GENERIC });
      expect(await t.dispatch('users.unlock', { userId: row.id }, admin.token)).toMatchObject({
        ok: true,
        value: { lockedUntil: null, failedAttempts: 0 },
      });
      expect((await t.signIn('nora', TEST_PASSWORD, 'elsewhere')).ok).toBe(true);
    });
  }

  it('a burst of unknown names gets the same answer as a real account, and each try is audited with the name', async () => {
    const t = await setup();
    const results = await Promise.all(Array.from({ length: 41 }, (_, i) => t.signIn(i % 2 ? 'ghost' : `ghost-${i}`, `guess-${i}`, 'prober')));
    expect(new Set(results.map((r) => JSON.stringify(errorOf(r)))).size).toBe(1);
    expect(results[0]).toMatchObject({ ok: false, error: GENERIC });
    const failed = await t.audits('auth.failed');
    expect(failed).toHaveLength(41);
    expect(failed.every((a) => a.entity_id === null && a.actor_id === null)).toBe(true);
    expect(failed.map((a) => (JSON.parse(a.data) as { username: string }).username)).toContain('ghost-0');
  });
});

describe('sign-in lockout and back-off', () => {
  it('four wrong then the right password signs in and starts afresh; five lock for 15 minutes, the next lock twice as long', async () => {
    const t = await setup();
    await t.as('omar', ['reviewer']);
    for (let i = 0; i < 4; i++) await t.signIn('omar', 'wrong-password');
    expect((await t.account('omar')).failed_attempts).toBe(4);
    expect((await t.signIn('omar', TEST_PASSWORD)).ok).toBe(true);
    expect(await t.account('omar')).toMatchObject({ failed_attempts: 0, locked_until: null, lockouts: 0 });

    const start = new Date('2026-03-10T09:00:00.000Z');
    t.clock.set(start.toISOString());
    for (let i = 0; i < 5; i++) await t.signIn('omar', 'wrong-password');
    const minutesLocked = async () => (new Date((await t.account('omar')).locked_until!).getTime() - t.clock.now().getTime()) / 60_000;
    expect(await minutesLocked()).toBe(LOCKOUT_MINUTES);
    expect(await t.signIn('omar', TEST_PASSWORD)).toMatchObject({ ok: false, error: GENERIC });

    t.clock.set(new Date(start.getTime() + 16 * 60_000).toISOString());
    for (let i = 0; i < 5; i++) await t.signIn('omar', 'wrong-password');
    expect(await minutesLocked()).toBe(2 * LOCKOUT_MINUTES);
    expect((await t.account('omar')).failed_attempts).toBe(11);

    t.clock.set(new Date(start.getTime() + 47 * 60_000).toISOString());
    expect((await t.signIn('omar', TEST_PASSWORD)).ok).toBe(true);
    expect(await t.account('omar')).toMatchObject({ failed_attempts: 0, locked_until: null, lockouts: 0 });
  });

  it('a source with too many failures on any names is locked, for real accounts too; other sources are not', async () => {
    const t = await setup();
    await t.as('huda', ['reviewer']);
    await Promise.all(Array.from({ length: MAX_FAILED_PER_SOURCE }, (_, i) => t.signIn(`name-${i}`, 'guess', '10.9.9.9')));
    expect(await t.signIn('huda', TEST_PASSWORD, '10.9.9.9')).toMatchObject({ ok: false, error: GENERIC });
    expect((await t.signIn('huda', TEST_PASSWORD, '10.1.1.1')).ok).toBe(true);
    expect(await t.audits('auth.source_locked')).toHaveLength(1);
  });
});

describe('who may sign in', () => {
  it('unknown name, wrong password, locked account, disabled account and no role all get the one message', async () => {
    const t = await setup();
    const admin = await t.as('boss', ['admin']);
    const disabled = await t.as('gone', ['reviewer']);
    await t.dispatch('users.disable', { userId: disabled.user.id }, admin.token);
    await createUser(t.desk.db, t.clock, { username: 'roleless', displayName: 'R', password: TEST_PASSWORD, roles: [] }, null);
    await t.as('locked', ['reviewer']);
    for (let i = 0; i < 5; i++) await t.signIn('locked', 'wrong-password', 'src-locked');

    const answers = [
      await t.signIn('nobody-at-all', TEST_PASSWORD, 'src-1'),
      await t.signIn('boss', 'wrong-password', 'src-2'),
      await t.signIn('locked', TEST_PASSWORD, 'src-3'),
      await t.signIn('gone', TEST_PASSWORD, 'src-4'),
      await t.signIn('roleless', TEST_PASSWORD, 'src-5'),
    ];
    expect(answers.every((r) => !r.ok)).toBe(true);
    expect(new Set(answers.map((r) => JSON.stringify(errorOf(r)))).size).toBe(1);
    const reasons = (await t.audits('auth.failed')).map((a) => (JSON.parse(a.data) as { reason: string }).reason);
    expect(reasons).toEqual(expect.arrayContaining(['unknown_user', 'wrong_password', 'locked', 'disabled', 'no_roles']));
  });

  it('an unknown name takes as long as a real one (the password is checked against a stand-in hash)', async () => {
    const t = await setup();
    await t.as('sami', ['reviewer']);
    const timed = async (username: string, i: number) => {
      const t0 = performance.now();
      await t.signIn(username, 'wrong-password', `timing-${username}-${i}`);
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // Alternating, below the account's lock; the fastest of each is the least disturbed by the machine.
    for (let i = 0; i < 4; i++) {
      known.push(await timed('sami', i));
      unknown.push(await timed('samy', i));
    }
    const ratio = Math.min(...unknown) / Math.min(...known);
    expect(ratio).toBeGreaterThan(0.3);
    expect(ratio).toBeLessThan(3);
  });

  it('sign-out ends the session and is audited', async () => {
    const t = await setup();
    const me = await t.as('lina', ['reviewer']);
    expect(await t.dispatch('auth.signOut', {}, me.token)).toEqual({ ok: true, value: null });
    expect(await t.dispatch('auth.me', {}, me.token)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await t.audits('auth.sign_out')).toEqual([{ actor_id: me.user.id, entity_id: String(me.user.id), data: '{}' }]);
  });
});
