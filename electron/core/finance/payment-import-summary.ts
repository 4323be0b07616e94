/** What a reconciliation file did, in a few lines for the command line. */
import type { PaymentImportResult } from '../../../shared/domain';

const sar = (halalas: number) => `${(halalas / 100).toFixed(2)} SAR`;

export function paymentImportSummary(r: PaymentImportResult): string {
  const out = [`${r.fileName}: ${r.lines} line(s): ${r.matched} matched, ${r.unmatched} unmatched, ${r.duplicates} duplicate(s), 0 refused`];
  if (r.importId === null) out.push('every transaction was imported before: nothing changed');
  if (r.settled.length) out.push(`paid in full: ${r.settled.map((s) => `${s.reference} → ${s.status}`).join(', ')}`);
  if (r.partial.length) out.push(`partly paid: ${r.partial.map((p) => `${p.reference} (${sar(p.remainingHalalas)} left)`).join(', ')}`);
  if (r.refundCandidates.length)
    out.push(`refund candidates: ${r.refundCandidates.map((c) => `${c.reference} ${c.rule} ${sar(c.surplusHalalas)}`).join(', ')}`);
  if (r.unmatched > 0) out.push(`${r.unmatched} unmatched line(s) wait in Unmatched payments for finance to assign`);
  return out.join('\n');
}
