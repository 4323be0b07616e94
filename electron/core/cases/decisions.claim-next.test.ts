/**
 * "Claim next" pressed in a queue takes from that queue only (#17: New handed out Resubmitted requests),
 * judged inside its own transaction, also when reviewers press it at the same moment.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { seededTestDesk } from '../testing/seeded-desk';
import * as decide from './decisions';
import type { Actor } from '../actor';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('claim next in a queue', () => {
  it('New gives new requests, Resubmitted resubmitted ones, four reviewers at once never the same one', async () => {
    const t = await seededTestDesk({ cases: 60, seed: 5 });
    close = () => t.desk.close();
    const db = t.desk.db;
    // Resubmissions waiting unassigned: the old order handed these out first, even in New.
    const open = await db.selectFrom('requests').select('id').where('status', 'in', ['in_review', 'returned']).limit(3).execute();
    await db
      .updateTable('requests')
      .set({ status: 'resubmitted', assignee_id: null })
      .where(
        'id',
        'in',
        open.map((r) => r.id),
      )
      .execute();
    const reviewers = await Promise.all(['r1', 'r2', 'r3', 'r4'].map((n) => t.as(n, ['reviewer'])));
    const actor = (i: number): Actor => ({ user: reviewers[i]!.user, clock: t.clock });
    const statusBefore = new Map((await db.selectFrom('requests').select(['id', 'status']).execute()).map((r) => [r.id, r.status]));

    const claimedId = async (a: Actor, queue?: decide.ClaimQueue) => (await decide.claimNext(db, a, undefined, queue))?.id ?? null;
    const fromNew = await Promise.all(reviewers.map((_, i) => claimedId(actor(i), 'new')));
    expect(fromNew.every((id) => id !== null)).toBe(true);
    expect(new Set(fromNew).size).toBe(4);
    for (const id of fromNew) expect(statusBefore.get(id!)).toBe('submitted');

    const fromResubmitted = await claimedId(actor(0), 'resubmitted');
    expect(statusBefore.get(fromResubmitted!)).toBe('resubmitted');
    // Without a queue (the palette), resubmissions come first as before.
    const any = await claimedId(actor(1));
    expect(statusBefore.get(any!)).toBe('resubmitted');

    // Each claim is the reviewer's, once, in the history.
    const claims = await db
      .selectFrom('status_history')
      .select(['request_id', 'actor_id', 'from_status'])
      .where('action', '=', 'claim')
      .where(
        'actor_id',
        'in',
        reviewers.map((r) => r.user.id),
      )
      .where(
        'request_id',
        'in',
        [...fromNew, fromResubmitted, any].map((id) => id!),
      )
      .execute();
    expect(claims).toHaveLength(6);
    expect(claims.filter((c) => fromNew.includes(c.request_id)).every((c) => c.from_status === 'submitted')).toBe(true);
  }, 180_000);

  it('an empty queue gives nothing, not a request of another queue', async () => {
    const t = await seededTestDesk({ cases: 30, seed: 5 });
    close = () => t.desk.close();
    await t.desk.db.updateTable('requests').set({ status: 'rejected' }).where('status', '=', 'resubmitted').execute();
    const r = await t.as('r1', ['reviewer']);
    const waitingNew = await t.desk.db.selectFrom('requests').select('id').where('status', '=', 'submitted').execute();
    expect(waitingNew.length).toBeGreaterThan(0);
    expect(await decide.claimNext(t.desk.db, { user: r.user, clock: t.clock }, undefined, 'resubmitted')).toBeNull();
  }, 180_000);

  it('takes the most urgent request first: the earliest SLA due day, not the longest waiting', async () => {
    const t = await seededTestDesk({ cases: 30, seed: 5 });
    close = () => t.desk.close();
    const db = t.desk.db;
    const waiting = await db
      .selectFrom('requests')
      .select(['id', 'sla_due_on'])
      .where('status', '=', 'submitted')
      .where('assignee_id', 'is', null)
      .orderBy('submitted_at')
      .execute();
    expect(waiting.length).toBeGreaterThan(2);
    // The youngest waiting request falls due before every other one (a shorter service level, say).
    const youngest = waiting.at(-1)!;
    await db.updateTable('requests').set({ sla_due_on: '2020-01-01' }).where('id', '=', youngest.id).execute();
    const r = await t.as('r1', ['reviewer']);
    expect((await decide.claimNext(db, { user: r.user, clock: t.clock }, undefined, 'new'))?.id).toBe(youngest.id);
  }, 180_000);
});
