import { describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed';
import { signIn } from '../auth/users';
import { foldTally, TALLY_KEYS, type Tallies } from './tallies';
import { expectTalliesMatch, sums } from './testing/tally-recount';

const STEPS = ['approve', 'reject', 'return_to_applicant'] as const;
const STATUSES = ['submitted', 'in_review', 'returned', 'resubmitted', 'awaiting_second_signature', 'awaiting_payment', 'rejected'] as const;
const SERVICES = ['RENEWAL', 'REGISTRATION', 'DATA_UPDATE'] as const;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s % n;
  };
}

describe('the tallies (queue counts, dashboard days)', () => {
  it('equal a recount after imports, claims, decisions, returns, direct changes, deletes and rolled-back work', async () => {
    const t = await testDesk(':memory:', '2026-11-23T09:00:00.000Z');
    const db = t.desk.db;
    await seedDemo(db, t.clock, { cases: 60, seed: 5 });
    await expectTalliesMatch(db);

    // The desk's own paths: claim the next new request, return it, claim another and approve or reject it.
    const reviewer = await signIn(db, t.clock, 'reviewer1', DEMO_PASSWORD);
    const call = async (name: string, args: unknown) => {
      const r = await t.dispatch(name, args, reviewer.token);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value as { id: number; version: number } | null;
    };
    for (let i = 0; i < 4; i++) {
      const claimed = await call('cases.claimNext', { queue: 'new' });
      if (!claimed) break;
      await call('cases.returnToApplicant', { id: claimed.id, version: claimed.version, message: 'Please attach a recent employer letter.' });
    }
    await expectTalliesMatch(db);

    // Writes from anywhere: status, service and submission changes, history added, changed and removed, requests removed.
    const pick = random(7);
    const ids = (await db.selectFrom('requests').select('id').execute()).map((r) => r.id);
    const users = (await db.selectFrom('users').select('id').execute()).map((u) => u.id);
    for (let i = 0; i < 120; i++) {
      const id = ids[pick(ids.length)]!;
      switch (pick(6)) {
        case 0:
          await db
            .updateTable('requests')
            .set({ status: STATUSES[pick(STATUSES.length)]! })
            .where('id', '=', id)
            .execute();
          break;
        case 1:
          await db
            .updateTable('requests')
            .set({ service: SERVICES[pick(SERVICES.length)]! })
            .where('id', '=', id)
            .execute();
          break;
        case 2:
          await db
            .updateTable('requests')
            .set({ submitted_at: `2026-0${1 + pick(9)}-1${pick(10)}T2${pick(4)}:30:00.000Z` })
            .where('id', '=', id)
            .execute();
          break;
        case 3:
          await db
            .insertInto('status_history')
            .values({
              request_id: id,
              action: STEPS[pick(3)]!,
              from_status: 'in_review',
              to_status: 'approved',
              actor_id: users[pick(users.length)]!,
              at: `2026-11-0${1 + pick(9)}T22:15:00.000Z`,
            })
            .execute();
          break;
        case 4: {
          const step = await db.selectFrom('status_history').select('id').where('request_id', '=', id).orderBy('id', 'desc').executeTakeFirst();
          if (step)
            await db
              .updateTable('status_history')
              .set({ action: pick(2) ? 'reject' : 'claim', actor_id: null, at: '2026-10-31T21:00:00.000Z' })
              .where('id', '=', step.id)
              .execute();
          break;
        }
        case 5: {
          const step = await db.selectFrom('status_history').select('id').where('request_id', '=', id).orderBy('id').executeTakeFirst();
          if (step) await db.deleteFrom('status_history').where('id', '=', step.id).execute();
          break;
        }
      }
      if (i === 60) await foldTally(db as never, 'dashboard_steps');
    }
    // A request with nothing hanging from it, removed.
    const lone = await db
      .insertInto('requests')
      .values({
        reference: 'REQ-2026-999999',
        service: 'RENEWAL',
        status: 'submitted',
        practitioner_id: 1,
        submitted_at: '2026-11-01T06:30:00Z',
        applicant_snapshot: '{}',
        updated_at: '2026-11-01T06:30:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.deleteFrom('requests').where('id', '=', lone.id).execute();
    // Work that is rolled back leaves no count behind.
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('requests').set({ status: 'rejected' }).where('status', '=', 'submitted').execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await expectTalliesMatch(db);

    // Folds racing each other and a change (separate connections on PostgreSQL) count every row once.
    await Promise.all([
      foldTally(db as never, 'queue_counts'),
      db.updateTable('requests').set({ status: 'in_review' }).where('id', '=', ids[0]!).execute(),
      foldTally(db as never, 'queue_counts'),
      foldTally(db as never, 'dashboard_intake'),
      foldTally(db as never, 'dashboard_intake'),
    ]);
    await expectTalliesMatch(db);

    // Folding merges rows and keeps every sum.
    for (const table of Object.keys(TALLY_KEYS) as Array<keyof Tallies>) await foldTally(db as never, table);
    await expectTalliesMatch(db);
    const rows = await db
      .withTables<Tallies>()
      .selectFrom('queue_counts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe((await sums(db, 'queue_counts')).size);
    await t.desk.close();
  });
});
