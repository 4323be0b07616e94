import { describe, expect, it } from 'vitest';
import { policyDesk, value } from './testing/policy-desk';
import { samplePolicy } from './sample-policy';
import { importRenewals } from '../cpd/testing/import-renewals';
import { activatePolicy } from './activation';
import { verifyAuditChain } from '../audit/chain';
import type { PolicyVersionView, PolicyWhatIf } from '../../../shared/domain';

async function setup() {
  const t = await policyDesk();
  return { ...t, admin3: await t.as('admin3', ['admin']) };
}

describe('policy what-if', () => {
  it('lists each waiting request whose checks or fee the proposal changes, rule by rule and fee from → to; decided ones are left out', async () => {
    const t = await setup();
    // Three renewals by consultants with 30 hours (30 required): one more hour required makes CPD-HOURS fail.
    const ids = await importRenewals(t.desk, [{ reference: 'REQ-2026-000501' }, { reference: 'REQ-2026-000502' }, { reference: 'REQ-2026-000503' }]);
    // A decided one is not waiting: the proposal cannot change what was decided.
    await t.desk.db.updateTable('requests').set({ status: 'rejected' }).where('id', '=', ids.get('REQ-2026-000503')!).execute();
    const p = samplePolicy();
    const proposal = value<PolicyVersionView>(
      await t.call(t.admin.token, 'policy.update', {
        basedOnVersion: 1,
        policy: {
          ...p,
          cpdHours: { ...p.cpdHours, consultant: 31 },
          fees: { ...p.fees, RENEWAL: { ...p.fees.RENEWAL!, service: p.fees.RENEWAL!.service + 5000 } },
        },
        note: 'Board decision 2026/15',
      }),
    );
    expect(proposal).toMatchObject({
      version: 2,
      state: 'proposed',
      changes: expect.arrayContaining([{ path: 'cpdHours.consultant', from: 30, to: 31 }]),
    });
    const what = value<PolicyWhatIf>(await t.call(t.admin2.token, 'policy.whatIf', { version: 2 }));
    expect(what).toMatchObject({ version: 2, inForce: 1, waiting: 2 });
    expect(what.rows.map((r) => r.reference)).toEqual(['REQ-2026-000501', 'REQ-2026-000502']);
    const total = p.fees.RENEWAL!.service + p.fees.RENEWAL!.administrative;
    expect(what.rows[0]).toMatchObject({ checks: [{ rule: 'CPD-HOURS', from: 'pass', to: 'fail' }], fee: { from: total, to: total + 5000 } });
    // A proposal that changes nothing any waiting request meets lists none.
    value(await t.call(t.admin2.token, 'policy.withdraw', { version: 2 }));
    value(await t.call(t.admin.token, 'policy.update', { basedOnVersion: 1, policy: { ...p, backupKeep: 20 }, note: 'Keep more backups' }));
    expect(value<PolicyWhatIf>(await t.call(t.admin2.token, 'policy.whatIf', { version: 3 })).rows).toEqual([]);
    // Only a waiting proposal has a what-if; non-admins have none at all.
    expect(await t.call(t.admin2.token, 'policy.whatIf', { version: 1 })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const rev = await t.as('rev', ['reviewer']);
    expect(await t.call(rev.token, 'policy.whatIf', { version: 3 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('second-admin activation', () => {
  it('the proposer cannot activate; another admin does, and the audit log names both', async () => {
    const t = await setup();
    value(
      await t.call(t.admin.token, 'policy.update', { basedOnVersion: 1, policy: { ...samplePolicy(), paymentWindowDays: 21 }, note: 'Three weeks' }),
    );
    expect(await t.call(t.admin.token, 'policy.activate', { version: 2 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(value<PolicyVersionView>(await t.call(t.admin.token, 'policy.current', {})).version).toBe(1);
    expect(value<PolicyVersionView>(await t.call(t.admin2.token, 'policy.activate', { version: 2 }))).toMatchObject({
      state: 'in_force',
      createdBy: 'admin1',
      activatedBy: 'admin2',
    });
    expect(value<PolicyVersionView>(await t.call(t.admin.token, 'policy.current', {})).policy.paymentWindowDays).toBe(21);
    const entry = await t.desk.db.selectFrom('audit_log').select('data').where('action', '=', 'policy.activate').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.data)).toMatchObject({ version: 2, proposedBy: 'admin1', activatedBy: 'admin2' });
    // Activated once: again is a conflict; a withdrawn proposal never takes effect.
    expect(await t.call(t.admin3.token, 'policy.activate', { version: 2 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    value(await t.call(t.admin.token, 'policy.update', { basedOnVersion: 2, policy: { ...samplePolicy(), paymentWindowDays: 7 }, note: 'One week' }));
    expect(value<PolicyVersionView>(await t.call(t.admin.token, 'policy.withdraw', { version: 3 }))).toMatchObject({ state: 'withdrawn' });
    expect(await t.call(t.admin2.token, 'policy.activate', { version: 3 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(value<PolicyVersionView>(await t.call(t.admin.token, 'policy.current', {})).version).toBe(2);
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('two admins activating at once: one activation; the proposer racing them never activates', async () => {
    const t = await setup();
    for (let round = 0; round < 4; round++) {
      const inForce = value<PolicyVersionView>(await t.call(t.admin.token, 'policy.current', {}));
      const proposed = value<PolicyVersionView>(
        await t.call(t.admin.token, 'policy.update', {
          basedOnVersion: inForce.version,
          policy: { ...samplePolicy(), paymentWindowDays: 10 + round },
          note: `Round ${round}`,
        }),
      );
      const a = (u: typeof t.admin) => activatePolicy(t.desk.db, { user: u.user, clock: t.clock }, proposed.version);
      const results = await Promise.allSettled([a(t.admin), a(t.admin2), a(t.admin3)]);
      const won = results.filter((r): r is PromiseFulfilledResult<PolicyVersionView> => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      expect(won[0]!.value.activatedBy).not.toBe('admin1');
      // The proposer is refused as the proposer, or (if another admin was first) because it is no longer waiting.
      const code = (r: PromiseSettledResult<PolicyVersionView>) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'activated');
      expect(['forbidden', 'conflict']).toContain(code(results[0]!));
      expect([code(results[1]!), code(results[2]!)].sort()).toEqual(['activated', 'conflict']);
      const entries = await t.desk.db
        .selectFrom('audit_log')
        .select('data')
        .where('action', '=', 'policy.activate')
        .where('entity_id', '=', String(proposed.version))
        .execute();
      expect(entries).toHaveLength(1);
    }
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });
});
