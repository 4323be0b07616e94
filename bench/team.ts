/**
 * The team deployment under load: DESKS simulated desks (each its own connection pool, as separate
 * processes would be) claim the next request and decide on it against one PostgreSQL server on
 * 127.0.0.1 for a bounded time. Afterwards the database is checked: no request claimed twice, every
 * decision a desk was told it made is in the history, the audit chain whole.
 *
 * `npm run bench` runs it when MUMARIS_TEST_PG (or --pg URL) names a server; alone:
 * `npx tsx bench/team.ts [--desks 20] [--seconds 20] [--cases 8000] [--pg postgres://…]`.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDesk, type Desk } from '../electron/core/desk/open-desk';
import { fixedClock } from '../electron/core/time/testing/fixed-clock';
import { seedDemo } from '../electron/core/demo/seed';
import { createUser } from '../electron/core/auth/users';
import * as decide from '../electron/core/cases/decisions';
import { DeskFault } from '../electron/core/errors';
import { verifyAuditChain } from '../electron/core/audit/chain';
import { summarise, type Timing } from './stats';
import { withDeskParams } from '../electron/core/db/location';

const NOW = '2026-11-23T09:00:00.000Z';

export interface TeamFigures {
  desks: number;
  seconds: number;
  requestsSeeded: number;
  decisions: number;
  decisionsPerSecond: number;
  claimAndDecide: Timing;
  approved: number;
  returned: number;
  /** Requests claimed by more than one reviewer: must be 0. */
  doubleClaims: number;
  /** Decisions a desk completed that the history does not hold: must be 0. */
  lostDecisions: number;
  /** Lost races reported as conflicts (expected to be 0 with SKIP LOCKED; counted, not hidden). */
  conflicts: number;
  auditChainOk: boolean;
}

export async function benchTeam(opts: {
  url: string;
  desks: number;
  seconds: number;
  cases: number;
  log: (l: string) => void;
}): Promise<TeamFigures> {
  const schema = `bench_team_${process.pid}`;
  const address = withDeskParams(opts.url, { schema, pool: 2 });
  const admin = new pg.Client({ connectionString: opts.url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  const desks: Desk[] = [];
  try {
    const clock = fixedClock(NOW);
    const first = await openDesk(address, { clock, cardKeyFile: null });
    desks.push(first);
    opts.log(`team: seeding ${opts.cases} requests on PostgreSQL…`);
    await seedDemo(first.db, clock, { cases: opts.cases, seed: 11 });
    const waiting = await first.db.selectFrom('requests').select('id').where('status', 'in', ['submitted', 'resubmitted']).execute();
    for (let i = 1; i < opts.desks; i++) desks.push(await openDesk(address, { clock, cardKeyFile: null }));
    const actors = await Promise.all(
      desks.map(async (d, i) => {
        const user = await createUser(
          first.db,
          clock,
          { username: `desk${i + 1}`, displayName: `Desk ${i + 1}`, password: 'team-bench-password', roles: ['reviewer'] },
          null,
        );
        // The desk's signer: an approval with nothing to pay issues its letter in the same transaction.
        return { db: d.db, actor: { user, clock, cardSigner: d.cardSigner } };
      }),
    );
    opts.log(`team: ${opts.desks} desks claiming and deciding for ${opts.seconds} s…`);
    const until = performance.now() + opts.seconds * 1000;
    const samples: number[] = [];
    const done = { approved: [] as number[], returned: [] as number[], conflicts: 0 };
    const t0 = performance.now();
    await Promise.all(
      actors.map(async ({ db, actor }) => {
        while (performance.now() < until) {
          const s = performance.now();
          try {
            const id = (await decide.claimNext(db, actor))?.id ?? null;
            if (id === null) break;
            const { version } = await db.selectFrom('requests').select('version').where('id', '=', id).executeTakeFirstOrThrow();
            try {
              await decide.approve(db, actor, id, version);
              done.approved.push(id);
            } catch (e) {
              // A failing check (or a four-eyes service) is not this reviewer's to approve: return it instead.
              if (!(e instanceof DeskFault) || e.code === 'conflict') throw e;
              await decide.returnToApplicant(db, actor, id, version, 'Please attach the missing documents.');
              done.returned.push(id);
            }
            samples.push(performance.now() - s);
          } catch (e) {
            if (e instanceof DeskFault && e.code === 'conflict') done.conflicts++;
            else throw e;
          }
        }
      }),
    );
    const elapsed = (performance.now() - t0) / 1000;
    const deskUsers = actors.map((a) => a.actor.user.id);
    // Only this run's claims: the demo history has claims of its own (resubmissions were claimed before).
    const claims = await first.db
      .selectFrom('status_history')
      .select(['request_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('action', '=', 'claim')
      .where('actor_id', 'in', deskUsers)
      .groupBy('request_id')
      .execute();
    const decided = new Set(
      (
        await first.db
          .selectFrom('status_history')
          .select('request_id')
          .where('action', 'in', ['approve', 'return_to_applicant'])
          .where('actor_id', 'in', deskUsers)
          .execute()
      ).map((r) => r.request_id),
    );
    const told = [...done.approved, ...done.returned];
    const chain = await verifyAuditChain(first.db);
    return {
      desks: opts.desks,
      seconds: Math.round(elapsed * 10) / 10,
      requestsSeeded: opts.cases,
      decisions: told.length,
      decisionsPerSecond: Math.round((told.length / elapsed) * 10) / 10,
      claimAndDecide: summarise(samples.length ? samples : [0]),
      approved: done.approved.length,
      returned: done.returned.length,
      doubleClaims: claims.filter((c) => Number(c.n) > 1).length + (told.length - new Set(told).size),
      lostDecisions: told.filter((id) => !decided.has(id)).length,
      conflicts: done.conflicts,
      auditChainOk: chain.ok && waiting.length > 0,
    };
  } finally {
    for (const d of desks) await d.close();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      pg: {
        type: 'string',
        default: process.env.MUMARIS_TEST_PG?.startsWith('postgres') ? process.env.MUMARIS_TEST_PG : 'postgres://root@127.0.0.1:5432/test',
      },
      desks: { type: 'string', default: '20' },
      seconds: { type: 'string', default: '20' },
      cases: { type: 'string', default: '8000' },
    },
  });
  benchTeam({
    url: values.pg!,
    desks: Number(values.desks),
    seconds: Number(values.seconds),
    cases: Number(values.cases),
    log: (l) => console.error(l),
  })
    .then((f) => console.log(JSON.stringify(f, null, 2)))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
