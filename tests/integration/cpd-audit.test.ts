import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../../electron/core/testing/test-desk';
import { importRenewals, type RenewalPlan } from '../../electron/core/cpd/testing/import-renewals';
import { drawCpdSample } from '../../electron/core/cpd/draw-sample';
import { decideCpdActivity } from '../../electron/core/cpd/decide-activity';
import { cpdAuditQueue } from '../../electron/core/cpd/audit-queue';
import { runChecks } from '../../electron/core/cases/checks';
import { currentPolicy } from '../../electron/core/policy/current-policy';
import { verifyAuditChain } from '../../electron/core/audit/chain';
import * as decide from '../../electron/core/cases/decisions';
import { DeskFault } from '../../electron/core/errors';
import type { CpdAuditView, CpdSampleView } from '../../shared/domain/index';

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers) await c();
  closers = [];
});

const ref = (n: number) => `REQ-2026-${String(900 + n).padStart(6, '0')}`;
/** Twelve March renewals, clean (8 hours of ACLS by SHA, long before the expiry) but for the last one: an unknown provider. */
const MARCH: RenewalPlan[] = Array.from({ length: 12 }, (_, i) => ({
  reference: ref(i),
  submittedAt: `2026-03-0${1 + (i % 9)}T09:30:00+03:00`,
  activities:
    i === 11
      ? [
          { title: 'ACLS', provider: 'SHA', hours: 4, date: '2025-11-01', kind: 'course' },
          { title: 'Weekend CME', provider: 'Quick CME Online', hours: 4, date: '2025-12-01', kind: 'online' },
        ]
      : [{ title: 'ACLS', provider: 'SHA', hours: 8, date: '2025-11-01', kind: 'course' }],
}));

async function desk() {
  const t = await testDesk();
  closers.push(() => t.desk.close());
  const ids = await importRenewals(t.desk, MARCH);
  const approver = await t.as('approver', ['approver', 'reviewer']);
  const reviewer = await t.as('rev', ['reviewer']);
  const reviewer2 = await t.as('rev2', ['reviewer']);
  const draw = (seed?: string) =>
    drawCpdSample(t.desk.db, { user: approver.user, clock: t.clock, blobs: t.desk.blobs }, { month: '2026-03', ...(seed ? { seed } : {}) });
  return { ...t, ids, approver, reviewer, reviewer2, draw };
}

const value = <T>(r: unknown) => {
  const res = r as { ok: boolean; value?: T; error?: unknown };
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.value as T;
};

describe('CPD audit sample', () => {
  it('draws the policy share with the seed recorded; the same seed on the same population draws the same sample', async () => {
    const t = await desk();
    const sample = await t.draw('board-2026-03');
    expect(sample).toMatchObject({
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
      seed: 'board-2026-03',
      percent: 10,
      population: 12,
      sampled: 2,
    });
    expect(sample.triggered).toBe(1);
    const queue = await cpdAuditQueue(t.desk.db, 'open');
    const sampled = queue.filter((r) => r.reasons.some((x) => x.kind === 'sampled')).map((r) => r.reference);
    expect(sampled).toHaveLength(2);
    const flagged = queue.find((r) => r.reference === ref(11))!;
    expect(flagged.reasons).toContainEqual(expect.objectContaining({ kind: 'signal', signal: 'cpd-unknown-provider' }));
    // The clean ones not drawn are not in the queue.
    expect(queue.length).toBe(new Set([...sampled, ref(11)]).size);

    // Another desk, the same population imported in another order, the same seed: the same references drawn.
    const other = await testDesk();
    closers.push(() => other.desk.close());
    await importRenewals(other.desk, [...MARCH].reverse());
    const approver = await other.as('approver', ['approver']);
    const again = await drawCpdSample(
      other.desk.db,
      { user: approver.user, clock: other.clock, blobs: other.desk.blobs },
      { month: '2026-03', seed: 'board-2026-03' },
    );
    expect(again.populationDigest).toBe(sample.populationDigest);
    const sampledThere = (await cpdAuditQueue(other.desk.db, 'open'))
      .filter((r) => r.reasons.some((x) => x.kind === 'sampled'))
      .map((r) => r.reference);
    expect(sampledThere.sort()).toEqual([...sampled].sort());

    const audit = await t.desk.db.selectFrom('audit_log').select('data').where('action', '=', 'cpd.sample_draw').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toMatchObject({ seed: 'board-2026-03', population: 12, sampled: [...sampled].sort() });
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('a period is drawn once; a fresh seed is made and kept when none is given; a future period and a reviewer are refused', async () => {
    const t = await desk();
    // A renewal declaring no activity has nothing to audit: it is not in the population.
    await importRenewals(t.desk, [{ reference: ref(50), activities: [] }]);
    const s = await t.draw();
    expect(s.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(s.population).toBe(12);
    await expect(t.draw('x')).rejects.toMatchObject({ code: 'conflict' });
    const future = await t.dispatch('cpdAudit.draw', { month: '2026-05' }, t.approver.token);
    expect(future).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await t.dispatch('cpdAudit.draw', { month: '2026-02' }, t.reviewer.token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.dispatch('cpdAudit.draw', { month: '2026-3' }, t.approver.token)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(value<CpdSampleView[]>(await t.dispatch('cpdAudit.samples', {}, t.reviewer.token))).toHaveLength(1);
  });
});

describe('CPD activity decisions', () => {
  it('the holder accepts or refuses each activity; refused hours leave the CPD check; the last decision tells the applicant', async () => {
    const t = await desk();
    await t.draw('board-2026-03');
    const id = t.ids.get(ref(11))!;
    const req = await t.desk.db.selectFrom('requests').select('version').where('id', '=', id).executeTakeFirstOrThrow();
    const acts = await t.desk.db.selectFrom('cpd_activities').select(['id', 'title']).where('request_id', '=', id).orderBy('date').execute();
    const [acls, weekend] = acts;
    // Not claimed: nobody decides.
    const before = value<CpdAuditView>(await t.dispatch('cpdAudit.forCase', { requestId: id }, t.reviewer.token));
    expect(before).toMatchObject({ recognisedHours: 30, refusedHours: 0, requiredHours: 30, mayDecide: { ok: false } });
    expect(
      await t.dispatch('cpdAudit.decide', { activityId: weekend!.id, decision: 'refused', reason: 'provider_not_recognised' }, t.reviewer.token),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await decide.claim(t.desk.db, { user: t.reviewer.user, clock: t.clock }, id, req.version);
    // Another reviewer may not decide on the holder's request.
    expect(
      await t.dispatch('cpdAudit.decide', { activityId: weekend!.id, decision: 'refused', reason: 'provider_not_recognised' }, t.reviewer2.token),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A reason of the other decision is named.
    const wrong = await t.dispatch('cpdAudit.decide', { activityId: weekend!.id, decision: 'accepted', reason: 'no_certificate' }, t.reviewer.token);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect((wrong as { error: { message: string } }).error.message).toMatch(/^reason:/);

    const refused = value<CpdAuditView>(
      await t.dispatch(
        'cpdAudit.decide',
        { activityId: weekend!.id, decision: 'refused', reason: 'provider_not_recognised', note: 'Not accredited by the commission' },
        t.reviewer.token,
      ),
    );
    expect(refused).toMatchObject({ recognisedHours: 26, refusedHours: 4, completedAt: null, mayDecide: { ok: true } });
    expect(refused.activities.find((a) => a.id === weekend!.id)!.decision).toMatchObject({
      decision: 'refused',
      reason: 'provider_not_recognised',
      by: 'rev',
    });
    const pv = await currentPolicy(t.desk.db, t.clock.now().toISOString());
    const cpd = (await runChecks(t.desk.db, id, pv)).find((c) => c.rule === 'CPD-HOURS')!;
    expect(cpd.outcome).toBe('fail');
    expect(cpd.explanation.en).toContain('4 refused in the CPD audit');
    // Decided already: refused again, naming who.
    const twice = await t.dispatch(
      'cpdAudit.decide',
      { activityId: weekend!.id, decision: 'accepted', reason: 'certificate_verified' },
      t.reviewer.token,
    );
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await t.desk.db.selectFrom('outbox').select('id').where('request_id', '=', id).where('kind', '=', 'cpd_audit').execute()).toHaveLength(0);

    const done = value<CpdAuditView>(
      await t.dispatch('cpdAudit.decide', { activityId: acls!.id, decision: 'accepted', reason: 'certificate_verified' }, t.reviewer.token),
    );
    expect(done).toMatchObject({ completedBy: 'rev', recognisedHours: 26, mayDecide: { ok: false } });
    expect(done.completedAt).not.toBeNull();
    const mail = await t.desk.db
      .selectFrom('outbox')
      .selectAll()
      .where('request_id', '=', id)
      .where('kind', '=', 'cpd_audit')
      .executeTakeFirstOrThrow();
    expect(mail.body_en).toContain('Weekend CME (2025-12-01, 4 hours): refused — The provider is not recognised');
    expect(mail.body_en).toContain('Recognised hours: 26 of the 30 required');
    expect(mail.body_ar).toContain('الجهة المقدمة غير معتمدة');
    expect((await cpdAuditQueue(t.desk.db, 'completed')).map((r) => r.reference)).toEqual([ref(11)]);
    const actions = (await t.desk.db.selectFrom('audit_log').select('action').where('action', 'like', 'cpd.%').execute()).map((r) => r.action);
    expect(actions).toEqual(['cpd.sample_draw', 'cpd.activity_decide', 'cpd.activity_decide', 'cpd.audit_complete']);
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('two decisions on one activity at once: one holds, the other is told it was decided, never both', async () => {
    const t = await desk();
    await t.draw('board-2026-03');
    const queue = await cpdAuditQueue(t.desk.db, 'open');
    for (const row of queue) {
      const req = await t.desk.db.selectFrom('requests').select('version').where('id', '=', row.requestId).executeTakeFirstOrThrow();
      await decide.claim(t.desk.db, { user: t.reviewer.user, clock: t.clock }, row.requestId, req.version);
      const act = await t.desk.db
        .selectFrom('cpd_activities')
        .select('id')
        .where('request_id', '=', row.requestId)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const a = { user: t.reviewer.user, clock: t.clock };
      const results = await Promise.allSettled([
        decideCpdActivity(t.desk.db, a, { activityId: act.id, decision: 'accepted', reason: 'certificate_verified' }),
        decideCpdActivity(t.desk.db, a, { activityId: act.id, decision: 'refused', reason: 'no_certificate' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
      expect(lost.reason).toBeInstanceOf(DeskFault);
      expect((lost.reason as DeskFault).code).toBe('conflict');
      expect(await t.desk.db.selectFrom('cpd_activity_decisions').select('activity_id').where('activity_id', '=', act.id).execute()).toHaveLength(1);
      expect(
        await t.desk.db
          .selectFrom('audit_log')
          .select('seq')
          .where('action', '=', 'cpd.activity_decide')
          .where('entity_id', '=', String(row.requestId))
          .execute(),
      ).toHaveLength(1);
    }
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });
});
