import { describe, expect, it } from 'vitest';
import { policyDesk, value } from './testing/policy-desk';
import { SAMPLE_POLICY_NOTE, samplePolicy } from './sample-policy';
import { appliedPolicy } from './current-policy';
import { policyChanges } from './versions';
import { verifyAuditChain } from '../audit/chain';
import type { PolicyVersionView } from '../../../shared/domain';

async function setup() {
  const t = await policyDesk();
  return { ...t, reviewer: await t.as('rev', ['reviewer']) };
}

describe('policy versions', () => {
  it('lists the changed paths between two policies; a list is compared whole', () => {
    const a = samplePolicy();
    const b = { ...a, paymentWindowDays: 7, fees: { ...a.fees, RENEWAL: { ...a.fees.RENEWAL!, latePerMonth: 15000 } }, fourEyesServices: [] };
    expect(policyChanges(a, b)).toEqual([
      { path: 'fees.RENEWAL.latePerMonth', from: 10000, to: 15000 },
      { path: 'fourEyesServices', from: a.fourEyesServices, to: [] },
      { path: 'paymentWindowDays', from: 14, to: 7 },
    ]);
  });

  it('a version saved before a nested field existed applies its sample default (cpdAudit.crammingMinHours, or no cpdAudit at all)', async () => {
    const t = await setup();
    const old = samplePolicy() as Partial<ReturnType<typeof samplePolicy>>;
    const { crammingMinHours: _dropped, ...olderAudit } = samplePolicy().cpdAudit;
    await t.desk.db
      .updateTable('policy')
      .set({ data: JSON.stringify({ ...old, cpdAudit: olderAudit }) })
      .where('version', '=', 1)
      .execute();
    expect(value<PolicyVersionView>(await t.call(t.reviewer.token, 'policy.current', {})).policy.cpdAudit.crammingMinHours).toBe(15);
    delete old.cpdAudit;
    await t.desk.db
      .updateTable('policy')
      .set({ data: JSON.stringify(old) })
      .where('version', '=', 1)
      .execute();
    expect(appliedPolicy(JSON.stringify(old)).cpdAudit).toEqual(samplePolicy().cpdAudit);
    expect((await t.call(t.admin.token, 'policy.history', {})) as { ok: boolean }).toMatchObject({ ok: true });
  });

  it('the shipped sample policy says what it is in Arabic and English; an older database’s English-only note reads the same', async () => {
    const t = await setup();
    expect(SAMPLE_POLICY_NOTE).toBe('قيم تجريبية (ليست أرقام الهيئة) — sample defaults (not official figures)');
    expect(value<PolicyVersionView>(await t.call(t.reviewer.token, 'policy.current', {})).note).toBe(SAMPLE_POLICY_NOTE);
    await t.desk.db.updateTable('policy').set({ note: 'sample defaults (not official figures)' }).where('version', '=', 1).execute();
    expect(value<PolicyVersionView>(await t.call(t.reviewer.token, 'policy.current', {})).note).toBe(SAMPLE_POLICY_NOTE);
    expect(value<PolicyVersionView[]>(await t.call(t.admin.token, 'policy.history', {})).map((v) => v.note)).toEqual([SAMPLE_POLICY_NOTE]);
  });

  it('an admin saves a new version: who, when, why and what changed', async () => {
    const t = await setup();
    const current = value<PolicyVersionView>(await t.call(t.reviewer.token, 'policy.current', {}));
    expect(current).toMatchObject({ version: 1, changes: [], createdBy: null });
    const policy = {
      ...current.policy,
      sample: false,
      paymentWindowDays: 21,
      fees: { ...current.policy.fees, INQUIRY: { service: 0, administrative: 0 } },
    };
    expect(await t.call(t.reviewer.token, 'policy.update', { basedOnVersion: 1, policy, note: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const saved = await t.call(t.admin.token, 'policy.update', { basedOnVersion: 1, policy, note: 'Board decision 2026/14: a three-week window' });
    expect(saved).toMatchObject({
      ok: true,
      value: {
        version: 2,
        state: 'proposed',
        activatedBy: null,
        createdBy: 'admin1',
        createdAt: '2026-03-10T08:00:00.000Z',
        note: 'Board decision 2026/14: a three-week window',
        changes: [
          { path: 'fees.INQUIRY', from: null, to: { service: 0, administrative: 0 } },
          { path: 'paymentWindowDays', from: 14, to: 21 },
          { path: 'sample', from: true, to: false },
        ],
      },
    });
    // Proposed, not yet in force: a second admin activates it.
    expect(value<PolicyVersionView>(await t.call(t.reviewer.token, 'policy.current', {}))).toMatchObject({ version: 1, state: 'in_force' });
    expect(await t.call(t.admin2.token, 'policy.activate', { version: 2 })).toMatchObject({
      ok: true,
      value: { state: 'in_force', activatedBy: 'admin2' },
    });
    const history = value<PolicyVersionView[]>(await t.call(t.admin.token, 'policy.history', {}));
    expect(history.map((h) => [h.version, h.changes.length, h.state])).toEqual([
      [2, 3, 'in_force'],
      [1, 0, 'superseded'],
    ]);
    expect(value<PolicyVersionView>(await t.call(t.reviewer.token, 'policy.current', {}))).toMatchObject({
      version: 2,
      policy: { paymentWindowDays: 21 },
    });
    const audit = await t.desk.db.selectFrom('audit_log').selectAll().where('action', '=', 'policy.update').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toMatchObject({
      version: 2,
      basedOn: 1,
      changes: [{ path: 'fees.INQUIRY' }, { path: 'paymentWindowDays' }, { path: 'sample' }],
    });
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('two admins saving from the same version at once: one is saved, the other is told to reload', async () => {
    const t = await setup();
    const base = samplePolicy();
    const answers = await Promise.all([
      t.call(t.admin.token, 'policy.update', { basedOnVersion: 1, policy: { ...base, paymentWindowDays: 10 }, note: 'Ten days' }),
      t.call(t.admin2.token, 'policy.update', { basedOnVersion: 1, policy: { ...base, paymentWindowDays: 20 }, note: 'Twenty days' }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const versions = await t.desk.db.selectFrom('policy').select('version').execute();
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    expect(await t.desk.db.selectFrom('audit_log').select('seq').where('action', '=', 'policy.update').execute()).toHaveLength(1);
    // While it waits, no other proposal; once the other admin activated it, saving from the stale version is refused, from the new one it goes through.
    expect(
      await t.call(t.admin2.token, 'policy.update', { basedOnVersion: 1, policy: { ...base, paymentWindowDays: 30 }, note: 'Meanwhile' }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const proposer = answers[0]!.ok ? t.admin : t.admin2;
    const other = proposer === t.admin ? t.admin2 : t.admin;
    expect(await t.call(other.token, 'policy.activate', { version: 2 })).toMatchObject({ ok: true });
    expect(
      await t.call(t.admin2.token, 'policy.update', { basedOnVersion: 1, policy: { ...base, paymentWindowDays: 20 }, note: 'Again' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(
      await t.call(t.admin2.token, 'policy.update', { basedOnVersion: 2, policy: { ...base, paymentWindowDays: 20 }, note: 'Again' }),
    ).toMatchObject({
      ok: true,
      value: { version: 3 },
    });
  });

  it('refuses a fee for an unknown service, an exemption id used twice, and a save that changes nothing', async () => {
    const t = await setup();
    const base = samplePolicy();
    const bad = await t.call(t.admin.token, 'policy.update', {
      basedOnVersion: 1,
      policy: { ...base, fees: { ...base.fees, NOT_A_SERVICE: { service: 100, administrative: 0 } } },
      note: 'x',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect((bad as { error: { message: string } }).error.message).toMatch(/^policy\.fees\.NOT_A_SERVICE/);
    const twice = await t.call(t.admin.token, 'policy.update', {
      basedOnVersion: 1,
      policy: { ...base, feeExemptions: [base.feeExemptions[0]!, base.feeExemptions[0]!] },
      note: 'x',
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await t.call(t.admin.token, 'policy.update', { basedOnVersion: 1, policy: base, note: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    const negative = await t.call(t.admin.token, 'policy.update', { basedOnVersion: 1, policy: { ...base, paymentWindowDays: 0 }, note: 'x' });
    expect(negative).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect((negative as { error: { message: string } }).error.message).toMatch(/paymentWindowDays/);
  });
});
