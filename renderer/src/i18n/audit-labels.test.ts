import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, auditActionLabel } from '../../../shared/domain';

/** The main process's sources as text: what it writes to the audit log is read from them. */
// The bulk seed's column-type maps (`action: 'text'`) name PostgreSQL types, not audit actions.
const core = import.meta.glob<string>(['../../../electron/core/**/*.ts', '!**/*.test.ts', '!**/demo/bulk-requests.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The actions the desk writes: `action: '…'` (both sides of a `?:`), the `audit(…, 'x.y')` helpers, and `request.<step>`. */
function writtenActions(): string[] {
  const found = new Set<string>();
  for (const [file, text] of Object.entries(core)) {
    for (const m of text.matchAll(/\baction: ([^,\n]+)/g)) for (const q of m[1]!.matchAll(/'([a-z_]+(?:\.[a-z_]+)?)'/g)) found.add(q[1]!);
    for (const m of text.matchAll(/\baudit\([^;]*?'([a-z_]+\.[a-z_]+)'/g)) found.add(m[1]!);
    // Every step of a request's lifecycle is written as `request.<step>` (cases/apply-transition.ts).
    if (file.endsWith('/cases/lifecycle.ts')) {
      const steps = /export const ACTIONS = \[([^\]]+)\]/.exec(text)?.[1] ?? '';
      for (const q of steps.matchAll(/'([a-z_]+)'/g)) found.add(`request.${q[1]!}`);
    }
  }
  return [...found];
}

describe('audit action labels', () => {
  it('every action the desk writes to the audit log has an Arabic and an English label', () => {
    const actions = writtenActions();
    // The scan itself must find the entries the review named, or it proves nothing.
    expect(actions).toEqual(
      expect.arrayContaining(['invoice.issue', 'case.view', 'refund.surplus', 'user.disable', 'card.reprint', 'request.claim', 'request.answer']),
    );
    const unlabelled = actions.filter((a) => {
      const l = auditActionLabel(a);
      return l.ar === a || l.en === a || !/[\u0600-\u06ff]/.test(l.ar);
    });
    expect(unlabelled).toEqual([]);
  });

  it('a request step is labelled like the history, an unknown action as written', () => {
    expect(auditActionLabel('request.claim')).toEqual(auditActionLabel('claim'));
    expect(auditActionLabel('refund.payout')).toBe(AUDIT_ACTION_LABELS['refund.payout']);
    expect(auditActionLabel('something.new')).toEqual({ ar: 'something.new', en: 'something.new' });
  });
});
