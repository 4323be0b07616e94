/**
 * Bulk assignment (issue #17): each request re-checked in its own transaction; a request another desk
 * claims or decides at the same moment is skipped and named, never taken and never half-written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { seededTestDesk } from '../testing/seeded-desk';
import * as decide from './decisions';
import { assignMany } from './bulk-assign';
import type { AssignOutcome, ReviewerWorkload } from '../../../shared/domain';
import { verifyAuditChain } from '../audit/chain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function setup(cases = 80) {
  const t = await seededTestDesk({ cases, seed: 23 });
  close = () => t.desk.close();
  const sup = await t.as('sup1', ['approver']);
  const rev1 = await t.as('rev1', ['reviewer']);
  const rev2 = await t.as('rev2', ['reviewer', 'approver']);
  const rev3 = await t.as('rev3', ['reviewer']);
  const waiting = (limit: number) =>
    t.desk.db
      .selectFrom('requests')
      .select(['id', 'version', 'reference'])
      .where('status', '=', 'submitted')
      .where('service', '!=', 'INQUIRY')
      .where('assignee_id', 'is', null)
      .orderBy('id')
      .limit(limit)
      .execute();
  const history = (id: number) => t.desk.db.selectFrom('status_history').select('id').where('request_id', '=', id).execute();
  const row = (id: number) => t.desk.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { t, sup, rev1, rev2, rev3, waiting, row, history };
}

describe('bulk assignment', () => {
  it('assigns new requests into the reviewer’s Mine queue, reassigns one in review, and names every other outcome', async () => {
    const { t, sup, rev1, rev2, waiting, row } = await setup();
    const [a, b, c, d] = await waiting(4);
    await decide.claim(t.desk.db, { user: rev2.user, clock: t.clock }, d!.id, d!.version);
    const closed = await t.desk.db
      .selectFrom('requests')
      .select(['id', 'version', 'reference', 'status'])
      .where('status', 'in', ['approved', 'rejected', 'delivered', 'printed', 'ready_to_print', 'awaiting_payment'])
      .executeTakeFirstOrThrow();
    const r = await t.dispatch(
      'cases.assignMany',
      {
        assigneeId: rev1.user.id,
        items: [a, { id: b!.id, version: b!.version + 5 }, c, { id: d!.id, version: d!.version + 1 }, closed, { id: 999_999, version: 0 }],
      },
      sup.token,
    );
    expect(r.ok).toBe(true);
    const outcomes = (r.ok ? r.value : []) as AssignOutcome[];
    expect(outcomes.map((o) => [o.id, o.outcome, 'reason' in o ? o.reason : null])).toEqual([
      [a!.id, 'assigned', null],
      [b!.id, 'skipped', 'changed'],
      [c!.id, 'assigned', null],
      [d!.id, 'assigned', null],
      [closed.id, 'skipped', 'status'],
      [999_999, 'skipped', 'not_found'],
    ]);
    for (const o of outcomes.filter((x) => x.outcome === 'skipped'))
      if (o.outcome === 'skipped') {
        expect(o.message).toContain(o.reference || '999999');
        expect(o.messageAr).toMatch(/[\u0600-\u06ff]/);
      }
    expect(await row(a!.id)).toMatchObject({ status: 'in_review', assignee_id: rev1.user.id, version: a!.version + 1 });
    expect(await row(d!.id)).toMatchObject({ status: 'in_review', assignee_id: rev1.user.id });
    expect(await row(b!.id)).toMatchObject({ status: 'submitted', assignee_id: null, version: b!.version });
    // In the reviewer's Mine queue at once.
    const mine = await t.dispatch('queues.page', { queue: 'mine', offset: 0, limit: 10 }, rev1.token);
    expect(mine.ok && (mine.value as { rows: Array<{ id: number }> }).rows.map((x) => x.id).sort()).toEqual([a!.id, c!.id, d!.id].sort());
    // The history says who assigned it to whom.
    const step = await t.desk.db
      .selectFrom('status_history')
      .selectAll()
      .where('request_id', '=', a!.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(step).toMatchObject({ action: 'claim', actor_id: sup.user.id, reason_code: 'assigned', reason: `to user ${rev1.user.id}` });

    // Assigned again to the same reviewer: unchanged, no new version.
    const again = await assignMany(t.desk.db, { user: sup.user, clock: t.clock }, rev1.user.id, [{ id: a!.id, version: a!.version + 1 }]);
    expect(again).toEqual([{ id: a!.id, reference: a!.reference, outcome: 'unchanged' }]);

    // Overdue: the SLA's due day passed (the test clock's today is 2026-03-10 in Riyadh).
    await t.desk.db.updateTable('requests').set({ sla_due_on: '2026-04-30' }).where('assignee_id', '=', rev1.user.id).execute();
    await t.desk.db.updateTable('requests').set({ sla_due_on: '2026-03-09' }).where('id', '=', c!.id).execute();
    const workload = await t.dispatch('workload.reviewers', {}, sup.token);
    const rows = (workload.ok ? workload.value : []) as ReviewerWorkload[];
    expect(rows.find((w) => w.user.id === rev1.user.id)).toMatchObject({ inReview: 3, resubmitted: 0, overdue: 1 });
    // The most overdue first.
    expect(rows[0]!.overdue).toBeGreaterThanOrEqual(rows[rows.length - 1]!.overdue);
    expect(rows.find((w) => w.user.id === rev2.user.id)).toMatchObject({ inReview: 0 });
  });

  it('only supervisors assign, and only to an active reviewer or approver', async () => {
    const { t, sup, rev1, waiting } = await setup(20);
    const [a] = await waiting(1);
    const byReviewer = await t.dispatch('cases.assignMany', { assigneeId: rev1.user.id, items: [a] }, rev1.token);
    expect(!byReviewer.ok && byReviewer.error.code).toBe('forbidden');
    const clerk = await t.as('clerk-x', ['card_clerk']);
    const toClerk = await t.dispatch('cases.assignMany', { assigneeId: clerk.user.id, items: [a] }, sup.token);
    expect(!toClerk.ok && toClerk.error).toMatchObject({ code: 'bad_input', message: expect.stringContaining('assigneeId') });
    const workload = await t.dispatch('workload.reviewers', {}, rev1.token);
    expect(!workload.ok && workload.error.code).toBe('forbidden');
  });

  it('at the same moment as claims and approvals of the same requests: each request goes one way, the skipped are named', async () => {
    const { t, sup, rev1, rev2, rev3, waiting, row, history } = await setup(120);
    const list = await waiting(16);
    expect(list).toHaveLength(16);
    const held = list.slice(0, 8);
    const free = list.slice(8);
    // rev2 holds eight and approves them (with an override where a check fails) while the supervisor hands them on.
    const a2 = { user: rev2.user, clock: t.clock };
    for (const r of held) await decide.claim(t.desk.db, a2, r.id, r.version);
    const seenBySupervisor = await t.desk.db
      .selectFrom('requests')
      .select(['id', 'version'])
      .where(
        'id',
        'in',
        list.map((r) => r.id),
      )
      .orderBy('id')
      .execute();

    const historyBefore = new Map<number, number>();
    for (const r of seenBySupervisor) historyBefore.set(r.id, (await history(r.id)).length);
    const stepsSince = async (id: number) => (await history(id)).length - historyBefore.get(id)!;

    const [bulk, ...others] = await Promise.allSettled([
      assignMany(t.desk.db, { user: sup.user, clock: t.clock }, rev1.user.id, seenBySupervisor),
      ...held.map((r) => decide.approve(t.desk.db, a2, r.id, r.version + 1, { justification: 'Checked against the originals at the counter.' })),
      ...free.map((r) => decide.claim(t.desk.db, { user: rev3.user, clock: t.clock }, r.id, r.version)),
    ]);
    expect(bulk.status).toBe('fulfilled');
    const outcomes = (bulk as PromiseFulfilledResult<AssignOutcome[]>).value;
    expect(outcomes.map((o) => o.id)).toEqual(seenBySupervisor.map((r) => r.id));
    const byId = new Map(outcomes.map((o) => [o.id, o]));
    list.forEach((r, i) => {
      const other = others[i]!;
      const outcome = byId.get(r.id)!;
      // Never both: the assignment and the other desk's step are one or the other.
      if (outcome.outcome === 'assigned') expect(other.status).toBe('rejected');
      if (other.status === 'fulfilled') {
        expect(outcome.outcome).toBe('skipped');
        if (outcome.outcome === 'skipped') {
          expect(['changed', 'deciding']).toContain(outcome.reason);
          expect(outcome.reference).toBe(r.reference);
          expect(outcome.message).toContain(r.reference);
        }
      }
    });
    // The race did happen: some requests went to the other desks first and were skipped, by name.
    expect(outcomes.filter((o) => o.outcome === 'skipped').length).toBeGreaterThan(0);
    // The claims race on equal terms: exactly one of the two wins each request.
    for (const [i, r] of free.entries()) {
      const other = others[held.length + i]!;
      expect([byId.get(r.id)!.outcome === 'assigned', other.status === 'fulfilled'].filter(Boolean)).toHaveLength(1);
    }
    // Nothing half-written: each step since the list was read raised the version by one and left one history row.
    for (const r of seenBySupervisor) {
      const now = await row(r.id);
      expect(now.version - r.version).toBe(await stepsSince(r.id));
      if (byId.get(r.id)!.outcome === 'assigned') expect(now).toMatchObject({ assignee_id: rev1.user.id, status: 'in_review' });
    }
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });
});
