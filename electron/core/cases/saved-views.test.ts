import { afterEach, describe, expect, it } from 'vitest';
import { seededTestDesk } from '../testing/seeded-desk';
import type { SavedViewEntry } from '../../../shared/domain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function setup() {
  const t = await seededTestDesk({ cases: 60, seed: 17 });
  close = () => t.desk.close();
  const call = async <T>(token: string, name: string, args: unknown): Promise<T> => {
    const r = await t.dispatch(name, args, token);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, issue: r.error.issue });
    return r.value as T;
  };
  const refused = async (token: string, name: string, args: unknown) => {
    const r = await t.dispatch(name, args, token);
    if (r.ok) throw new Error(`${name} was not refused`);
    return r.error;
  };
  return { t, call, refused };
}

describe('saved views', () => {
  it('a personal view is its owner’s alone, counted like the queue it names', async () => {
    const { t, call, refused } = await setup();
    const r1 = await t.as('rev1', ['reviewer']);
    const r2 = await t.as('rev2', ['reviewer']);
    const view = { queue: 'new', service: 'RENEWAL', sort: 'submitted_desc' } as const;
    const saved = await call<SavedViewEntry>(r1.token, 'savedViews.save', { name: 'Renewals newest', view });
    const page = await call<{ total: number }>(r1.token, 'queues.page', { ...view, offset: 0, limit: 1 });
    expect(page.total).toBeGreaterThan(0);
    expect(saved).toMatchObject({ name: 'Renewals newest', sharedWith: null, count: page.total, mayEdit: true, view });

    expect((await call<SavedViewEntry[]>(r1.token, 'savedViews.list', {})).map((v) => v.name)).toEqual(['Renewals newest']);
    expect(await call<SavedViewEntry[]>(r2.token, 'savedViews.list', {})).toEqual([]);
    // Not shown to another user is not there for them: neither renamed nor deleted.
    expect((await refused(r2.token, 'savedViews.update', { id: saved.id, name: 'mine now' })).code).toBe('not_found');
    expect((await refused(r2.token, 'savedViews.delete', { id: saved.id })).code).toBe('not_found');

    // The count is live: a request claimed leaves the New queue and the view's count with it.
    const first = await t.desk.db
      .selectFrom('requests')
      .select(['id', 'version'])
      .where('status', '=', 'submitted')
      .where('service', '=', 'RENEWAL')
      .executeTakeFirstOrThrow();
    await call(r2.token, 'cases.claim', first);
    expect((await call<SavedViewEntry[]>(r1.token, 'savedViews.list', {}))[0]!.count).toBe(page.total - 1);
  });

  it('a filter the queue does not know, or a bad value, is refused naming it', async () => {
    const { t, refused } = await setup();
    const r1 = await t.as('rev1', ['reviewer']);
    const unknown = await refused(r1.token, 'savedViews.save', { name: 'x', view: { queue: 'new', colour: 'red' } });
    expect(unknown.code).toBe('bad_input');
    expect(unknown.message).toContain('colour');
    expect(unknown.issue).toMatchObject({ code: 'unknown_fields', field: 'view' });
    const badQueue = await refused(r1.token, 'savedViews.save', { name: 'x', view: { queue: 'later' } });
    expect(badQueue.message).toMatch(/^view\.queue:/);
    const badDay = await refused(r1.token, 'savedViews.save', { name: 'x', view: { queue: 'all', submittedFrom: '2026-02-30' } });
    expect(badDay.message).toBe('view.submittedFrom: not a real calendar date');
    const badUpdate = await refused(r1.token, 'savedViews.update', { id: 1, view: { queue: 'all', assignee: 3 } });
    expect(badUpdate.message).toContain('assignee');
  });

  it('a view stored with a filter the desk no longer knows is listed with its problem, not applied', async () => {
    const { t, call } = await setup();
    const r1 = await t.as('rev1', ['reviewer']);
    const saved = await call<SavedViewEntry>(r1.token, 'savedViews.save', { name: 'old', view: { queue: 'all' } });
    await t.desk.db
      .updateTable('saved_views')
      .set({ view: JSON.stringify({ queue: 'all', sort: 'age', region: 'Riyadh' }) })
      .where('id', '=', saved.id)
      .execute();
    const [listed] = await call<SavedViewEntry[]>(r1.token, 'savedViews.list', {});
    expect(listed!.count).toBeNull();
    expect(listed!.problem?.message).toContain('region');
    expect(listed!.problem?.messageAr).toContain('region');
  });

  it('shared views: made by supervisors, seen by their audience, changed by supervisors only', async () => {
    const { t, call, refused } = await setup();
    const rev = await t.as('rev1', ['reviewer']);
    const fin = await t.as('fin1', ['finance']);
    const sup = await t.as('sup1', ['approver', 'reviewer']);
    const admin = await t.as('adm1', ['admin']);

    const notSupervisor = await refused(rev.token, 'savedViews.save', { name: 'team', view: { queue: 'new' }, sharedWith: 'everyone' });
    expect(notSupervisor.code).toBe('forbidden');
    expect(notSupervisor.message).toContain('supervisor');

    const forAll = await call<SavedViewEntry>(sup.token, 'savedViews.save', { name: 'Oldest new', view: { queue: 'new' }, sharedWith: 'everyone' });
    const forReviewers = await call<SavedViewEntry>(sup.token, 'savedViews.save', {
      name: 'Resubmitted renewals',
      view: { queue: 'resubmitted', service: 'RENEWAL' },
      sharedWith: 'reviewer',
    });
    // The same name twice in one scope is refused; the same name as a personal view is another scope.
    expect((await refused(admin.token, 'savedViews.save', { name: 'Oldest new', view: { queue: 'all' }, sharedWith: 'admin' })).code).toBe(
      'conflict',
    );
    await call(rev.token, 'savedViews.save', { name: 'Oldest new', view: { queue: 'mine' } });

    const revList = await call<SavedViewEntry[]>(rev.token, 'savedViews.list', {});
    expect(revList.map((v) => [v.name, v.sharedWith, v.mayEdit])).toEqual([
      ['Oldest new', null, true],
      ['Oldest new', 'everyone', false],
      ['Resubmitted renewals', 'reviewer', false],
    ]);
    expect((await call<SavedViewEntry[]>(fin.token, 'savedViews.list', {})).map((v) => v.id)).toEqual([forAll.id]);
    expect((await refused(rev.token, 'savedViews.update', { id: forAll.id, name: 'renamed' })).code).toBe('forbidden');
    expect((await refused(rev.token, 'savedViews.delete', { id: forReviewers.id })).code).toBe('forbidden');

    // Another supervisor looks after a team's views: the admin renames one made by an approver.
    const renamed = await call<SavedViewEntry>(admin.token, 'savedViews.update', { id: forAll.id, name: 'New, oldest first' });
    expect(renamed).toMatchObject({ name: 'New, oldest first', owner: { displayName: 'sup1' }, mayEdit: true });
    await call(sup.token, 'savedViews.delete', { id: forReviewers.id });
    expect((await call<SavedViewEntry[]>(rev.token, 'savedViews.list', {})).map((v) => v.name)).toEqual(['Oldest new', 'New, oldest first']);

    const audited = await t.desk.db.selectFrom('audit_log').select('action').where('entity', '=', 'saved_view').orderBy('seq').execute();
    expect(audited.map((a) => a.action)).toEqual(['saved_view.share', 'saved_view.share', 'saved_view.change', 'saved_view.remove']);
  });

  it('two desks saving one name at the same moment: one view, the other told the name is taken', async () => {
    const { t } = await setup();
    const rev = await t.as('rev1', ['reviewer']);
    const results = await Promise.all([1, 2, 3].map(() => t.dispatch('savedViews.save', { name: 'Same name', view: { queue: 'new' } }, rev.token)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.filter((r) => !r.ok);
    expect(lost).toHaveLength(2);
    for (const r of lost) if (!r.ok) expect(r.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('Same name') });
    expect(await t.desk.db.selectFrom('saved_views').select('id').execute()).toHaveLength(1);
  });

  it('a shared search a role may not run is listed with why, not counted', async () => {
    const { t, call } = await setup();
    const sup = await t.as('sup1', ['approver']);
    const fin = await t.as('fin1', ['finance']);
    await call(sup.token, 'savedViews.save', { name: 'By mobile', view: { queue: 'all', search: '0551234567' }, sharedWith: 'everyone' });
    const [seen] = await call<SavedViewEntry[]>(fin.token, 'savedViews.list', {});
    expect(seen!.count).toBeNull();
    expect(seen!.problem?.message).toContain('mobile');
  });
});
