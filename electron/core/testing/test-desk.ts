/** Test helpers: a desk on a fresh database with a fixed clock, and users of each role. */
import type { Role, UserInfo } from '../../../shared/domain/index';
import { openDesk, type Desk } from '../desk/open-desk';
import { fixedClock } from '../time/testing/fixed-clock';
import type { Clock } from '../time/clock';
import { freshTestSchema, testingOnPostgres } from './test-postgres';
import { createUser, signIn } from '../auth/users';
import { createHandlers } from '../handlers';
import { createDispatch } from '../dispatch';

export const TEST_PASSWORD = 'correct-horse-battery';

/** `file` ':memory:' is a throwaway database: in memory on SQLite, a schema of its own on PostgreSQL. */
export async function testDesk(file = ':memory:', now = '2026-03-10T08:00:00.000Z') {
  const clock = fixedClock(now);
  const desk: Desk = file === ':memory:' && testingOnPostgres() ? await throwawayPostgresDesk(clock) : await openDesk(file, { clock });
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

async function throwawayPostgresDesk(clock: Clock): Promise<Desk> {
  const schema = freshTestSchema();
  const desk = await openDesk(schema.address, { clock, cardKeyFile: null });
  const close = desk.close;
  desk.close = async () => {
    await close();
    await schema.drop();
  };
  return desk;
}
