/** Test helpers: a desk on a fresh database with a fixed clock, and users of each role. */
import type { Role, UserInfo } from '../../../shared/domain/index';
import { openDesk, type Desk } from '../desk/open-desk';
import { fixedClock } from '../time/testing/fixed-clock';
import type { Clock } from '../time/clock';
import { copiedTestDatabase, migratedTestTemplate, testingOnPostgres } from './test-postgres';
import { createUser, signIn } from '../auth/users';
import { createHandlers } from '../handlers';
import { createDispatch } from '../dispatch';

export const TEST_PASSWORD = 'correct-horse-battery';
/** The tests' "now" unless they name another. */
export const DEFAULT_TEST_NOW = '2026-03-10T08:00:00.000Z';

/** Where a throwaway desk starts from: a copy of a database (seeded-desk.ts) instead of an empty one. */
export interface StartingData {
  /** SQLite: the serialized database to open a copy of in memory. */
  memoryImage?: Buffer;
  /** PostgreSQL: the template database to copy. */
  postgresTemplate?: string;
}

/** `file` ':memory:' is a throwaway database: in memory on SQLite, a database of its own on PostgreSQL (a copy of an empty desk's, or of `from`'s). */
export async function testDesk(file = ':memory:', now = DEFAULT_TEST_NOW, from: StartingData = {}) {
  const clock = fixedClock(now);
  const desk: Desk =
    file === ':memory:' && testingOnPostgres()
      ? await throwawayPostgresDesk(clock, from.postgresTemplate)
      : await openDesk(file, { clock, memoryImage: from.memoryImage });
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

async function throwawayPostgresDesk(clock: Clock, template: string | undefined): Promise<Desk> {
  const place = await copiedTestDatabase(template ?? (await migratedTestTemplate()));
  let desk: Desk;
  try {
    desk = await openDesk(place.address, { clock, cardKeyFile: null });
  } catch (e) {
    await place.drop();
    throw e;
  }
  const close = desk.close;
  desk.close = async () => {
    await close();
    await place.drop();
  };
  return desk;
}
