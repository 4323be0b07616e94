/** Test helpers: a desk on a fresh database with a fixed clock, and users of each role. */
import type { Role, UserInfo } from '../../shared/domain';
import { openDesk, type Desk } from './desk';
import { fixedClock } from './clock';
import { createUser, signIn } from './auth/users';
import { createHandlers } from './handlers';
import { createDispatch } from './dispatch';

export const TEST_PASSWORD = 'correct-horse-battery';

export async function testDesk(file = ':memory:', now = '2026-03-10T08:00:00.000Z') {
  const clock = fixedClock(now);
  const desk: Desk = await openDesk(file, { clock });
  const dispatch = createDispatch(createHandlers(desk), desk, () => undefined);
  const users: Partial<Record<string, { user: UserInfo; token: string }>> = {};
  /** Creates (once) a user holding exactly `roles`, signed in. */
  async function as(name: string, roles: Role[]) {
    if (!users[name]) {
      await createUser(desk.db, clock, { username: name, displayName: name, password: TEST_PASSWORD, roles }, null);
      const s = await signIn(desk.db, clock, name, TEST_PASSWORD);
      users[name] = { user: s.user, token: s.token };
    }
    return users[name]!;
  }
  return { desk, clock, dispatch, as };
}
