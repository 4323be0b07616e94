import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { samplePolicy } from '../policy/sample-policy';
import { computeRefund, roundHalala } from './refund';
import type { RefundFacts } from './types';

const policy = samplePolicy();
/** rules.md's example: within both windows, not studied, no grounds. */
const facts = (over: Partial<RefundFacts> = {}): RefundFacts => ({
  service: 'RENEWAL',
  submittedAt: '2026-03-01',
  requestedAt: '2026-03-20',
  studied: false,
  evaluationSessionHeld: false,
  rejectedForNoResponse: false,
  invoice: {
    id: 'INV-1',
    lines: [
      { kind: 'service', amount: 300 },
      { kind: 'administrative', amount: 50 },
      { kind: 'late', amount: 100 },
    ],
  },
  payments: [{ id: 'P1', amount: 450, paidAt: '2026-03-02' }],
  grounds: [],
  ...over,
});
const rules = (r: ReturnType<typeof computeRefund>) => ({
  lines: r.lines.map((l) => `${l.rule}:${l.feeKind}:${l.amount}`),
  denials: r.denials.map((d) => `${d.rule}:${d.feeKind}`),
});

describe('computeRefund (rules.md)', () => {
  it('the general rule: half of service and late, never the administrative fee', () => {
    const r = computeRefund(facts(), policy);
    expect(r.total).toBe(200);
    expect(rules(r)).toEqual({ lines: ['RF-GENERAL-50:service:150', 'RF-GENERAL-50:late:50'], denials: ['RF-ADMIN:administrative'] });
    expect(r.lines[0]!.explanation.en).toContain('50% of the service fee SAR 300.00');
  });

  it('RF-NO-PAYMENT', () => {
    expect(computeRefund(facts({ payments: [] }), policy)).toMatchObject({ total: 0, lines: [], denials: [{ rule: 'RF-NO-PAYMENT' }] });
  });

  it('the payment window is inclusive and clamps at month end', () => {
    expect(computeRefund(facts({ submittedAt: '2026-03-10', requestedAt: '2026-04-02' }), policy).total).toBe(200);
    const late = computeRefund(facts({ requestedAt: '2026-04-03', submittedAt: '2026-03-10' }), policy);
    expect(late.total).toBe(0);
    expect(rules(late).denials).toEqual(['RF-ADMIN:administrative', 'RF-WINDOW:service', 'RF-WINDOW:late']);
    const jan31 = facts({ submittedAt: '2026-01-30', payments: [{ id: 'P1', amount: 450, paidAt: '2026-01-31' }] });
    expect(computeRefund({ ...jan31, requestedAt: '2026-02-28' }, policy).total).toBe(200);
    expect(rules(computeRefund({ ...jan31, requestedAt: '2026-03-01' }, policy)).denials).toContain('RF-WINDOW:service');
  });

  it('one denial per failing general condition', () => {
    const r = computeRefund(
      facts({
        requestedAt: '2026-04-05',
        payments: [{ id: 'P1', amount: 450, paidAt: '2026-03-30' }],
        studied: true,
        evaluationSessionHeld: true,
        rejectedForNoResponse: true,
      }),
      policy,
    );
    expect(r.total).toBe(0);
    expect(rules(r).denials).toEqual([
      'RF-ADMIN:administrative',
      'RF-SUBMISSION-WINDOW:service',
      'RF-STUDIED:service',
      'RF-EVALUATION:service',
      'RF-NO-RESPONSE:service',
      'RF-SUBMISSION-WINDOW:late',
      'RF-STUDIED:late',
      'RF-EVALUATION:late',
      'RF-NO-RESPONSE:late',
    ]);
  });

  it('a partial payment refunds each line’s share', () => {
    const r = computeRefund(facts({ payments: [{ id: 'P1', amount: 200, paidAt: '2026-03-02' }] }), policy);
    // service 300 × 200/450 = 133.333… → half 66.67; late 100 × 200/450 = 44.44… → half 22.22
    expect(rules(r).lines).toEqual(['RF-GENERAL-50:service:66.67', 'RF-GENERAL-50:late:22.22']);
    expect(r.lines[0]!.base).toBe(133.33);
    expect(r.total).toBe(88.89);
  });

  it('overpayment and duplicates come back in full, each within its own window', () => {
    const r = computeRefund(
      facts({
        submittedAt: '2026-03-10',
        requestedAt: '2026-04-03',
        payments: [
          { id: 'P2', amount: 450, paidAt: '2026-03-05' },
          { id: 'P1', amount: 500, paidAt: '2026-03-02' },
          { id: 'P3', amount: 450, paidAt: '2026-03-02' },
        ],
      }),
      policy,
    );
    // p1 is P1 (earliest, then by id); its window ended 2026-04-02.
    expect(rules(r).lines).toEqual(['RF-DUPLICATE:payment:450']);
    expect(r.lines[0]!.paymentId).toBe('P2');
    expect(rules(r).denials).toEqual(['RF-WINDOW:payment', 'RF-WINDOW:payment', 'RF-ADMIN:administrative', 'RF-WINDOW:service', 'RF-WINDOW:late']);
    const within = computeRefund(facts({ payments: [{ id: 'P1', amount: 500, paidAt: '2026-03-02' }] }), policy);
    expect(rules(within).lines).toEqual(['RF-OVERPAYMENT:payment:50', 'RF-GENERAL-50:service:150', 'RF-GENERAL-50:late:50']);
  });

  it('directed in writing with proof, or a wrong path: every line in full, even when studied', () => {
    const directed = computeRefund(facts({ studied: true, grounds: [{ kind: 'directed_in_writing', proof: true }] }), policy);
    expect(rules(directed)).toEqual({ lines: ['RF-DIRECTED:service:300', 'RF-DIRECTED:administrative:50', 'RF-DIRECTED:late:100'], denials: [] });
    expect(directed.total).toBe(450);
    const wrong = computeRefund(facts({ evaluationSessionHeld: true, grounds: [{ kind: 'wrong_path', by: 'system' }] }), policy);
    expect(wrong.total).toBe(450);
    const outside = computeRefund(facts({ requestedAt: '2026-04-10', grounds: [{ kind: 'wrong_path', by: 'staff' }] }), policy);
    expect(rules(outside)).toEqual({ lines: [], denials: ['RF-WINDOW:service', 'RF-WINDOW:administrative', 'RF-WINDOW:late'] });
  });

  it('directed without proof is denied, then the general rule goes on', () => {
    const r = computeRefund(facts({ grounds: [{ kind: 'directed_in_writing', proof: false }] }), policy);
    expect(rules(r).denials.slice(0, 3)).toEqual([
      'RF-DIRECTED-NO-PROOF:service',
      'RF-DIRECTED-NO-PROOF:administrative',
      'RF-DIRECTED-NO-PROOF:late',
    ]);
    expect(r.total).toBe(200);
  });

  it('an exempt category gets service and late fees back for classification and registration services only', () => {
    expect(rules(computeRefund(facts({ studied: true, grounds: [{ kind: 'exempt_category', category: 'x' }] }), policy)).lines).toEqual([
      'RF-EXEMPT:service:300',
      'RF-EXEMPT:late:100',
    ]);
    expect(
      computeRefund(facts({ service: 'GOOD_STANDING', grounds: [{ kind: 'exempt_category', category: 'x' }] }), policy).lines.map((l) => l.rule),
    ).toEqual(['RF-GENERAL-50', 'RF-GENERAL-50']);
  });

  it('the late fee with proof of prior attempts, for renewal and re-registration', () => {
    const r = computeRefund(facts({ studied: true, grounds: [{ kind: 'late_fee_prior_attempts', proof: true }] }), policy);
    expect(rules(r)).toEqual({
      lines: ['RF-LATE-PRIOR:late:100'],
      denials: ['RF-STUDIED:service', 'RF-ADMIN:administrative'].sort((a, b) =>
        a === 'RF-ADMIN:administrative' ? -1 : b === 'RF-ADMIN:administrative' ? 1 : 0,
      ),
    });
    const noProof = computeRefund(facts({ grounds: [{ kind: 'late_fee_prior_attempts', proof: false }] }), policy);
    expect(rules(noProof).denials).toContain('RF-LATE-PRIOR-NO-PROOF:late');
    expect(noProof.total).toBe(200);
  });

  it('rounds half away from zero to the halala', () => {
    expect(roundHalala(12.5)).toBe(13);
    expect(roundHalala(-12.5)).toBe(-13);
    expect(roundHalala(0.49999999999)).toBe(1);
    expect(roundHalala(12.49)).toBe(12);
    const r = computeRefund(
      facts({ invoice: { id: 'I', lines: [{ kind: 'service', amount: 0.05 }] }, payments: [{ id: 'P1', amount: 0.05, paidAt: '2026-03-02' }] }),
      policy,
    );
    expect(r.lines[0]!.amount).toBe(0.03);
  });
});

const date = fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
const amount = fc.integer({ min: 0, max: 500_000 }).map((h) => h / 100);
const arbitraryFacts: fc.Arbitrary<RefundFacts> = fc.record({
  service: fc.constantFrom('RENEWAL', 'REREGISTRATION', 'CLASSIFICATION_INSIDE', 'GOOD_STANDING', 'TRAINING_LETTER' as const),
  submittedAt: date,
  requestedAt: date,
  studied: fc.boolean(),
  evaluationSessionHeld: fc.boolean(),
  rejectedForNoResponse: fc.boolean(),
  invoice: fc.record({
    id: fc.constant('INV'),
    lines: fc.array(fc.record({ kind: fc.constantFrom('service', 'late', 'administrative' as const), amount }), { maxLength: 4 }),
  }),
  payments: fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), amount, paidAt: date }), { maxLength: 4 }),
  grounds: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('directed_in_writing' as const), proof: fc.boolean() }),
      fc.record({ kind: fc.constant('wrong_path' as const), by: fc.constantFrom('staff', 'system' as const) }),
      fc.record({ kind: fc.constant('late_fee_prior_attempts' as const), proof: fc.boolean() }),
      fc.record({ kind: fc.constant('exempt_category' as const), category: fc.constant('c') }),
    ),
    { maxLength: 3 },
  ),
});

describe('refund properties', () => {
  it('the total never exceeds the payments and is never negative', () => {
    fc.assert(
      fc.property(arbitraryFacts, (f) => {
        const r = computeRefund(f, policy);
        const paid = f.payments.reduce((s, p) => s + Math.round(p.amount * 100), 0);
        expect(Math.round(r.total * 100)).toBeLessThanOrEqual(paid);
        expect(r.total).toBeGreaterThanOrEqual(0);
        for (const l of r.lines) expect(l.amount).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('administrative fees are refunded only by RF-DIRECTED or RF-WRONG-PATH', () => {
    fc.assert(
      fc.property(arbitraryFacts, (f) => {
        for (const l of computeRefund(f, policy).lines)
          if (l.feeKind === 'administrative') expect(['RF-DIRECTED', 'RF-WRONG-PATH']).toContain(l.rule);
      }),
      { numRuns: 2000 },
    );
  });

  it('the total is the sum of the rounded lines (when under the payments)', () => {
    fc.assert(
      fc.property(arbitraryFacts, (f) => {
        const r = computeRefund(f, policy);
        const paid = f.payments.reduce((s, p) => s + Math.round(p.amount * 100), 0);
        const sum = r.lines.reduce((s, l) => s + Math.round(l.amount * 100), 0);
        expect(Math.round(r.total * 100)).toBe(Math.min(sum, paid));
      }),
      { numRuns: 1000 },
    );
  });
});
