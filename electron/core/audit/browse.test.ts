/**
 * The Audit page's browse of the log (audit.browse): newest first, pages that follow each other by
 * entry number with nothing skipped or repeated, each filter alone and together, Riyadh days at
 * their edges, a bounded read for filters without an index, and who may browse; SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import { appendAudit } from './chain';
import { browseAuditTrail } from './browse';
import type { AuditTrailEntry, AuditTrailPage } from '../../../shared/domain';

let t: Awaited<ReturnType<typeof testDesk>>;
let admin: Awaited<ReturnType<Awaited<ReturnType<typeof testDesk>>['as']>>;
let reviewerId: number;
let reference: string;
let requestId: number;
/** Entry numbers of the entries this file wrote, by what they are. */
const written: Record<string, number> = {};

beforeAll(async () => {
  t = await testDesk();
  await seedDemo(t.desk.db, t.clock, { cases: 4, seed: 11 });
  admin = await t.as('trail-admin', ['admin']);
  reviewerId = (await t.as('trail-reviewer', ['reviewer'])).user.id;
  const req = await t.desk.db.selectFrom('requests').select(['id', 'reference']).orderBy('id').limit(1).executeTakeFirstOrThrow();
  ({ id: requestId, reference } = req);
  // After everything the seed wrote (its clock stands at 2026-03-10), in time order as the desk appends.
  const add = (key: string, at: string, actorId: number | null, action: string, entity = 'request', entityId: string | number | null = requestId) =>
    t.desk.db.transaction().execute(async (trx) => {
      written[key] = (await appendAudit(trx, { at, actorId, action, entity, entityId, data: { note: key } }))!;
    });
  await add('claim', '2026-03-11T06:00:00.000Z', reviewerId, 'request.claim');
  // 23:30 Riyadh on 2026-03-11: still that day in Riyadh, though the 12th has not begun in UTC either.
  await add('lateView', '2026-03-11T20:30:00.000Z', reviewerId, 'case.view');
  // 00:30 Riyadh on 2026-03-12 is 21:30 UTC on the 11th: a Riyadh day, not a UTC one.
  await add('earlyView', '2026-03-11T21:30:00.000Z', admin.user.id, 'case.view');
  await add('otherUser', '2026-03-12T08:00:00.000Z', admin.user.id, 'user.update', 'user', reviewerId);
  await add('return', '2026-03-13T09:00:00.000Z', reviewerId, 'request.return_to_applicant');
  await add('sweep', '2026-03-14T09:00:00.000Z', null, 'request.expire_return');
}, 60_000);
afterAll(async () => t.desk.close());

const page = (r: unknown): AuditTrailPage => {
  expect(r).toMatchObject({ ok: true });
  return (r as { value: AuditTrailPage }).value;
};
const browse = async (args: Record<string, unknown>) => page(await t.dispatch('audit.browse', args, admin.token));
const seqs = (entries: AuditTrailEntry[]) => entries.map((e) => e.seq);

describe('audit.browse', () => {
  it('newest first, page after page by entry number: every entry once, none skipped', async () => {
    const total = Number(
      (
        await t.desk.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(total).toBeGreaterThan(10);
    const seen: number[] = [];
    let before: number | null | undefined;
    for (let i = 0; i < 100; i++) {
      const p = await browse({ limit: 7, ...(before ? { before } : {}) });
      seen.push(...seqs(p.entries));
      before = p.before;
      if (before === null) break;
      expect(p.entries).toHaveLength(7);
    }
    expect(seen).toHaveLength(total);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(total);
    const newest = (await browse({ limit: 1 })).entries[0]!;
    expect(newest).toMatchObject({ seq: written.sweep, actorId: null, actorName: null, action: 'request.expire_return', reference });
    expect(JSON.parse(newest.data)).toEqual({ note: 'sweep' });
  });

  it('by user, by action, by request reference, and all of them together', async () => {
    const byUser = await browse({ actorId: reviewerId });
    // The reviewer's own sign-in is theirs too.
    const signIn = (
      await t.desk.db.selectFrom('audit_log').select('seq').where('actor_id', '=', reviewerId).where('action', '=', 'auth.sign_in').execute()
    ).map((r) => r.seq);
    expect(signIn).toHaveLength(1);
    expect(seqs(byUser.entries)).toEqual([written.return, written.lateView, written.claim, ...signIn]);
    expect(byUser.entries[0]).toMatchObject({ actorName: 'trail-reviewer', reference });
    expect(byUser.before).toBeNull();

    const views = await browse({ action: 'case.view' });
    expect(seqs(views.entries)).toEqual([written.earlyView, written.lateView]);

    // The reference as typed (lower case, spaces) finds the request; entries about a user do not come with it.
    const byRequest = await browse({ reference: ` ${reference.toLowerCase()} ` });
    expect(byRequest.entries.every((e) => e.entity === 'request' && e.entityId === String(requestId) && e.reference === reference)).toBe(true);
    expect(seqs(byRequest.entries)).toEqual(expect.arrayContaining([written.sweep, written.return, written.claim]));
    expect(seqs(byRequest.entries)).not.toContain(written.otherUser);

    const together = await browse({ actorId: reviewerId, action: 'case.view', reference });
    expect(seqs(together.entries)).toEqual([written.lateView]);
  });

  it("days are Riyadh's, both ends included", async () => {
    const eleventh = await browse({ from: '2026-03-11', to: '2026-03-11' });
    expect(seqs(eleventh.entries)).toEqual([written.lateView, written.claim]);
    const twelfth = await browse({ from: '2026-03-12', to: '2026-03-12' });
    expect(seqs(twelfth.entries)).toEqual([written.otherUser, written.earlyView]);
    const fromThirteenth = await browse({ from: '2026-03-13' });
    expect(seqs(fromThirteenth.entries)).toEqual([written.sweep, written.return]);
    const untilEleventh = await browse({ to: '2026-03-11', action: 'case.view' });
    expect(seqs(untilEleventh.entries)).toEqual([written.lateView]);
    expect((await browse({ from: '2027-01-01' })).entries).toEqual([]);
    expect((await browse({ to: '2020-01-01' })).entries).toEqual([]);
  });

  it('a filter with no index reads a bounded stretch and says where to go on; going on finds the rest', async () => {
    const found: number[] = [];
    let before: number | undefined;
    let calls = 0;
    for (;;) {
      const p = await browseAuditTrail(t.desk.db, { actorId: reviewerId, limit: 50, ...(before ? { before } : {}) }, 3);
      calls++;
      found.push(...seqs(p.entries));
      expect(p.entries.length).toBeLessThanOrEqual(3);
      if (p.before === null) break;
      expect(p.readDownTo).toBe(p.before);
      before = p.before;
    }
    expect(found.slice(0, 3)).toEqual([written.return, written.lateView, written.claim]);
    expect(found).toEqual(seqs((await browse({ actorId: reviewerId })).entries));
    expect(calls).toBeGreaterThan(3);
  });

  it('refuses an unknown reference, a reversed range, a bad action, and anyone but an admin', async () => {
    expect(await t.dispatch('audit.browse', { reference: 'NO-SUCH-REF' }, admin.token)).toMatchObject({
      ok: false,
      error: { code: 'bad_input', message: expect.stringContaining('reference: no request has the reference NO-SUCH-REF') },
    });
    expect(await t.dispatch('audit.browse', { from: '2026-03-12', to: '2026-03-11' }, admin.token)).toMatchObject({
      ok: false,
      error: { code: 'bad_input', issue: { code: 'date_order', field: 'from' } },
    });
    expect(await t.dispatch('audit.browse', { action: "x' or 1=1" }, admin.token)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await t.dispatch('audit.browse', { limit: 201 }, admin.token)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    for (const role of ['reviewer', 'approver', 'finance', 'card_clerk'] as const) {
      const u = await t.as(`trail-${role}-only`, [role]);
      expect(await t.dispatch('audit.browse', {}, u.token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});
