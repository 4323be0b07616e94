/**
 * How an invoice's confirmed payments read in rules.md's terms. rules.md knows one payment that pays the
 * invoice (p1) and later payments of the same invoice (duplicates); the desk also takes an invoice paid in
 * parts. Partial payments that together reach the total are, together, the payment that paid it: their
 * excess over the total is an overpayment, and only what comes after the invoice is paid is a duplicate.
 */
export interface PaymentRow {
  id: number;
  amount_halalas: number;
  paid_at: string;
  reference: string;
}

export interface PaymentGroups<P extends PaymentRow> {
  /** In the order paid: the payments up to and including the one that completed the total (all of them while it is short). */
  paying: P[];
  /** Payments received after the invoice was paid in full: each a duplicate. */
  later: P[];
  /** Sum of `paying`. */
  payingHalalas: number;
  /** When the total was reached; null while the invoice is short. */
  completedAt: string | null;
}

const byTimeThenId = (a: PaymentRow, b: PaymentRow) => (a.paid_at === b.paid_at ? a.id - b.id : a.paid_at < b.paid_at ? -1 : 1);

export function groupPayments<P extends PaymentRow>(totalHalalas: number, payments: readonly P[]): PaymentGroups<P> {
  const paying: P[] = [];
  const later: P[] = [];
  let payingHalalas = 0;
  let completedAt: string | null = null;
  for (const p of [...payments].sort(byTimeThenId)) {
    if (completedAt !== null) {
      later.push(p);
      continue;
    }
    paying.push(p);
    payingHalalas += p.amount_halalas;
    if (payingHalalas >= totalHalalas) completedAt = p.paid_at;
  }
  return { paying, later, payingHalalas, completedAt };
}

/** The surplus of an invoice's payments over its total, and which rule of rules.md returns it. */
export function surplusOf(totalHalalas: number, g: PaymentGroups<PaymentRow>): { halalas: number; rule: 'RF-OVERPAYMENT' | 'RF-DUPLICATE' } | null {
  const over = Math.max(0, g.payingHalalas - totalHalalas);
  const duplicates = g.later.reduce((s, p) => s + p.amount_halalas, 0);
  if (over + duplicates === 0) return null;
  return { halalas: over + duplicates, rule: duplicates > 0 ? 'RF-DUPLICATE' : 'RF-OVERPAYMENT' };
}
