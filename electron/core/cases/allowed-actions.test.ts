/**
 * The actions the case view lists are exactly the ones the desk then accepts: for each status a request
 * can be decided in and each kind of user, every action is tried through the dispatcher (contract roles
 * included). Listed → accepted on a fresh request in that state; not listed → refused, nothing written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import type { CaseActionKind, CaseDetail, Role } from '../../../shared/domain';
import { CASE_ACTION_KINDS } from '../../../shared/domain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/** The kinds this file judges (the referral kinds have their own tests, referrals.test.ts). */
const KINDS: CaseActionKind[] = CASE_ACTION_KINDS.filter((k) => !['refer', 'answer_referral', 'withdraw_referral'].includes(k));
const STATES = ['submitted', 'in_review', 'in_review_inquiry', 'in_review_other', 'resubmitted', 'second_signature', 'returned', 'rejected'] as const;
type State = (typeof STATES)[number];
const USERS: Array<[string, Role[]]> = [
  ['rev', ['reviewer']],
  ['rev2', ['reviewer']],
  ['appr', ['approver', 'reviewer']],
  ['adm', ['admin']],
  ['fin', ['finance']],
];

describe('the actions a user is offered are the ones the desk accepts', () => {
  it('for every decidable status and kind of user, each action tried', async () => {
    const t = await testDesk();
    close = () => t.desk.close();
    await seedDemo(t.desk.db, t.clock, { cases: 200, seed: 11 });
    const users = Object.fromEntries(await Promise.all(USERS.map(async ([n, roles]) => [n, await t.as(n, roles)] as const)));
    const signer = await t.as('signer', ['approver', 'reviewer']);
    const db = t.desk.db;
    const ok = async (token: string, name: string, args: unknown) => {
      const r = await t.dispatch(name, args, token);
      if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r)}`);
      return (r as { value: CaseDetail }).value;
    };
    const taken = new Set<number>();
    /** A request nobody used yet, as a new one waiting (the seed's open requests before any money is involved). */
    const fresh = async () => {
      const rows = await db
        .selectFrom('requests')
        .select('id')
        .where('status', 'in', ['submitted', 'in_review', 'returned', 'resubmitted'])
        .orderBy('id')
        .execute();
      const row = rows.find((r) => !taken.has(r.id));
      if (!row) throw new Error('the seed ran out of open requests');
      taken.add(row.id);
      await db.updateTable('requests').set({ status: 'submitted', assignee_id: null, return_due_at: null }).where('id', '=', row.id).execute();
      return row.id;
    };
    const version = async (id: number) => (await db.selectFrom('requests').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    /** A request brought into `state` the way the desk gets there (claims, approvals), or set where no call leads. */
    async function inState(state: State): Promise<number> {
      const id = await fresh();
      const claimBy = async (token: string) => ok(token, 'cases.claim', { id, version: await version(id) });
      switch (state) {
        case 'submitted':
          return id;
        case 'in_review':
          await claimBy(users.rev!.token);
          return id;
        case 'in_review_other':
          await claimBy(users.rev2!.token);
          return id;
        case 'in_review_inquiry':
          await db.updateTable('requests').set({ service: 'INQUIRY' }).where('id', '=', id).execute();
          await claimBy(users.rev!.token);
          return id;
        case 'resubmitted':
          await db.updateTable('requests').set({ status: 'resubmitted', assignee_id: users.rev!.user.id }).where('id', '=', id).execute();
          return id;
        case 'second_signature': {
          await db.updateTable('requests').set({ service: 'CLASSIFICATION_OUTSIDE' }).where('id', '=', id).execute();
          const c = await claimBy(signer.token);
          const failing = c.checks.some((x) => x.outcome === 'fail');
          await ok(signer.token, 'cases.approve', {
            id,
            version: c.version,
            ...(failing ? { override: { justification: 'Seen the originals at the counter.' } } : {}),
          });
          return id;
        }
        case 'returned':
        case 'rejected':
          await db.updateTable('requests').set({ status: state }).where('id', '=', id).execute();
          return id;
      }
    }
    async function attempt(kind: CaseActionKind, token: string, c: CaseDetail) {
      const base = { id: c.id, version: c.version };
      const failing = c.checks.some((x) => x.outcome === 'fail');
      switch (kind) {
        case 'claim':
          return t.dispatch('cases.claim', base, token);
        case 'release':
          return t.dispatch('cases.release', base, token);
        case 'return':
          return t.dispatch('cases.returnToApplicant', { ...base, message: 'Please attach a recent employer letter.' }, token);
        case 'approve':
          return t.dispatch(
            'cases.approve',
            { ...base, ...(failing ? { override: { justification: 'Seen the originals at the counter.' } } : {}) },
            token,
          );
        case 'countersign':
          return t.dispatch('cases.countersign', base, token);
        case 'reject':
          return t.dispatch('cases.reject', { ...base, reason: 'ineligible', text: 'Not eligible under the rules.' }, token);
        case 'answer':
          return t.dispatch('cases.answer', { ...base, text: 'Your request is being handled.' }, token);
        case 'reroute':
          return t.dispatch('cases.reroute', { ...base, service: c.service === 'RENEWAL' ? 'REREGISTRATION' : 'RENEWAL' }, token);
        case 'reassign':
          return t.dispatch('cases.reassign', { ...base, assigneeId: users.rev2!.user.id }, token);
        case 'note_internal':
          return t.dispatch('cases.addNote', { id: c.id, kind: 'internal', text: 'Checked the register.' }, token);
        case 'note_to_applicant':
          return t.dispatch('cases.addNote', { id: c.id, kind: 'to_applicant', text: 'Please attach your photo.' }, token);
        default:
          throw new Error(`no attempt written for ${kind}`);
      }
    }

    const offered: Record<string, CaseActionKind[]> = {};
    let accepted = 0;
    for (const state of STATES) {
      // Refusals write nothing, so one request in this state serves every user's refused attempts.
      const refusedOn = await inState(state);
      for (const [name] of USERS) {
        const u = users[name]!;
        const seen = await ok(u.token, 'cases.get', { id: refusedOn });
        const listed = seen.actions.filter((k) => KINDS.includes(k));
        offered[`${state}/${name}`] = listed;
        for (const kind of KINDS) {
          if (listed.includes(kind)) {
            // Accepted on a request of its own in the same state (an accepted action changes it).
            const own = await inState(state);
            const c = await ok(u.token, 'cases.get', { id: own });
            expect(c.actions, `${state}/${name}: ${kind} listed again`).toContain(kind);
            const r = await attempt(kind, u.token, c);
            expect(r.ok, `${state}/${name}: ${kind} listed, then ${JSON.stringify(r)}`).toBe(true);
            accepted++;
          } else {
            const before = await version(refusedOn);
            const r = await attempt(kind, u.token, seen);
            expect(r.ok, `${state}/${name}: ${kind} not listed, yet accepted`).toBe(false);
            expect(await version(refusedOn)).toBe(before);
          }
        }
      }
    }
    // The matrix is not empty: the holder and the approvers have their usual actions.
    expect(offered['in_review/rev']).toEqual(expect.arrayContaining(['return', 'reject', 'reroute', 'release', 'note_to_applicant']));
    expect(offered['in_review_inquiry/rev']).toContain('answer');
    expect(offered['in_review_inquiry/rev']).not.toContain('reject');
    expect(offered['submitted/rev']).toEqual(['claim', 'note_internal']);
    expect(offered['second_signature/appr']).toEqual(expect.arrayContaining(['reject', 'reassign']));
    expect(offered['in_review_other/rev']).toEqual(['note_internal']);
    expect(offered['submitted/fin']).toEqual([]);
    expect(offered['rejected/appr']).toEqual([]);
    expect(accepted).toBeGreaterThan(20);
  }, 600_000);
});
