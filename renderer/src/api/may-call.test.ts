import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/domain';
import type { MethodName } from '../../../shared/contract';
import { mayCall } from './may-call';

/** The calls the frame, the palette and the case page ask about, and who the desk lets make them. */
const REACH: Record<Role, MethodName[]> = {
  reviewer: ['cases.claimNext', 'cpdAudit.queue', 'refunds.request'],
  approver: ['cases.claimNext', 'cpdAudit.queue', 'dashboard.figures', 'workload.reviewers', 'refunds.request'],
  finance: ['dashboard.figures', 'payments.awaiting', 'policy.history', 'refunds.request', 'refunds.compute', 'payments.recordManual'],
  card_clerk: ['print.queue'],
  admin: [
    'cpdAudit.queue',
    'dashboard.figures',
    'workload.reviewers',
    'print.queue',
    'payments.awaiting',
    'policy.history',
    'intake.upload',
    'users.list',
    'audit.browse',
    'backups.list',
    'settings.database',
  ],
};
const ASKED = [...new Set(Object.values(REACH).flat())];

describe('mayCall', () => {
  it('reads the contract’s access: each role reaches exactly its pages and steps', () => {
    for (const role of ROLES) expect(ASKED.filter((m) => mayCall([role], m)).sort(), role).toEqual([...REACH[role]].sort());
  });

  it('one role of several is enough; no user, no role', () => {
    expect(mayCall(['card_clerk', 'finance'], 'refunds.compute')).toBe(true);
    expect(mayCall(undefined, 'cases.claimNext')).toBe(false);
    expect(mayCall([], 'print.queue')).toBe(false);
  });

  it('calls open to every signed-in user, and before sign-in', () => {
    expect(mayCall(['card_clerk'], 'queues.counts')).toBe(true);
    expect(mayCall(undefined, 'auth.signIn')).toBe(true);
  });
});
