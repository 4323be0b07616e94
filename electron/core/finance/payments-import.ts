/**
 * Imports a payment gateway's reconciliation file (formats.md), all in one transaction: a malformed
 * line refuses the file before anything is written; a transaction id the desk has seen (paid or
 * unmatched) is a duplicate and nothing is done for it; a line is matched to its invoice by SADAD bill
 * number, else by invoice number, and then settles that invoice; a line that matches nothing, or whose
 * two numbers point at different invoices, waits in the Unmatched list. Never guessed.
 */
import type { DeskDb } from '../db/connection';
import type { PaymentImportResult } from '../../../shared/domain';
import type { Trx } from '../cases/apply-transition';
import type { CardSigner } from '../documents/card-signing';
import { serialise } from '../db/dialect';
import { appendAudit } from '../audit/chain';
import { parseReconciliationFile, type ReconciliationLine } from './reconciliation-file';
import { settleInvoice, type SettleOutcome } from './settle';
import { gatewayPayment } from './gateway-payment';

export interface PaymentWriter {
  /** Null from the command line (no session). */
  actorId: number | null;
  now: () => Date;
  signer: CardSigner;
}

type Verdict = { kind: 'duplicate' } | { kind: 'unmatched' } | { kind: 'matched'; invoiceId: number };

/** Look-ups by many keys at once, a few hundred per query (parameter limits of both databases). */
async function inChunks<T>(keys: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += 500) out.push(...(await read(unique.slice(i, i + 500))));
  return out;
}

/** What each line is: a duplicate, the invoice it pays, or unmatched; read inside the import's transaction. */
async function matchLines(trx: Trx, lines: ReconciliationLine[]): Promise<Verdict[]> {
  const ids = lines.map((l) => l.transactionId);
  const seen = new Set<string>([
    ...(await inChunks(ids, (c) => trx.selectFrom('payments').select('transaction_id').where('transaction_id', 'in', c).execute())).map(
      (r) => r.transaction_id!,
    ),
    ...(await inChunks(ids, (c) => trx.selectFrom('unmatched_payments').select('transaction_id').where('transaction_id', 'in', c).execute())).map(
      (r) => r.transaction_id,
    ),
  ]);
  const bills = lines.flatMap((l) => (l.sadadBillNumber ? [l.sadadBillNumber] : []));
  const numbers = lines.flatMap((l) => (l.invoiceNumber ? [l.invoiceNumber] : []));
  const byBill = new Map(
    (await inChunks(bills, (c) => trx.selectFrom('invoices').select(['id', 'sadad_bill_number']).where('sadad_bill_number', 'in', c).execute())).map(
      (r) => [r.sadad_bill_number!, r.id],
    ),
  );
  const byNumber = new Map(
    (await inChunks(numbers, (c) => trx.selectFrom('invoices').select(['id', 'number']).where('number', 'in', c).execute())).map((r) => [
      r.number,
      r.id,
    ]),
  );
  return lines.map((l): Verdict => {
    if (seen.has(l.transactionId)) return { kind: 'duplicate' };
    const bill = l.sadadBillNumber ? byBill.get(l.sadadBillNumber) : undefined;
    const number = l.invoiceNumber ? byNumber.get(l.invoiceNumber) : undefined;
    // Two numbers naming two invoices: which one was paid is for finance to decide, not the desk.
    if (bill !== undefined && number !== undefined && bill !== number) return { kind: 'unmatched' };
    const invoiceId = bill ?? number;
    return invoiceId !== undefined ? { kind: 'matched', invoiceId } : { kind: 'unmatched' };
  });
}

export async function importReconciliationFile(
  db: DeskDb,
  w: PaymentWriter,
  fileName: string,
  content: string | Uint8Array,
): Promise<PaymentImportResult> {
  // Checked whole before the transaction opens: a bad line leaves the database untouched.
  const file = parseReconciliationFile(fileName, content);
  const at = w.now().toISOString();
  return db.transaction().execute(async (trx) => {
    // Desks importing at the same moment (the same file, or two files sharing lines) take turns, so
    // "have we seen this transaction?" and the write that follows agree (SQLite has one writer already).
    await serialise(trx, 'payments-import');
    const verdicts = await matchLines(trx, file.lines);
    const count = (k: Verdict['kind']) => verdicts.filter((v) => v.kind === k).length;
    const counts = { lines: file.lines.length, matched: count('matched'), unmatched: count('unmatched'), duplicates: count('duplicate') };
    const result: PaymentImportResult = { importId: null, fileName, ...counts, settled: [], partial: [], refundCandidates: [] };
    // A file seen before in full changes nothing: no payments, no import record, no audit entry.
    if (counts.matched + counts.unmatched === 0) return result;

    const { id: importId } = await trx
      .insertInto('payment_imports')
      .values({ file_name: fileName, sha256: file.sha256, imported_by: w.actorId, imported_at: at, ...counts })
      .returning('id')
      .executeTakeFirstOrThrow();
    result.importId = importId;

    const outcomes = new Map<number, SettleOutcome>();
    const candidates = new Map<string, PaymentImportResult['refundCandidates'][number]>();
    for (const [i, l] of file.lines.entries()) {
      const v = verdicts[i]!;
      if (v.kind === 'duplicate') continue;
      if (v.kind === 'unmatched') {
        await trx
          .insertInto('unmatched_payments')
          .values({
            transaction_id: l.transactionId,
            sadad_bill_number: l.sadadBillNumber,
            invoice_number: l.invoiceNumber,
            amount_halalas: l.amountHalalas,
            paid_at: l.paidAt,
            channel: l.channel,
            import_id: importId,
            received_at: at,
            payment_id: null,
            assigned_by: null,
            assigned_at: null,
            note: null,
          })
          .execute();
        continue;
      }
      await trx
        .insertInto('payments')
        .values(gatewayPayment({ ...l, invoiceId: v.invoiceId, importId }, 'reconciliation', w.actorId, at))
        .execute();
      // Settled line by line: a second line paying the same invoice is a second payment (RF-DUPLICATE).
      const o = await settleInvoice(trx, { actorId: w.actorId, at, signer: w.signer }, v.invoiceId);
      const before = outcomes.get(v.invoiceId);
      outcomes.set(v.invoiceId, { ...o, movedTo: o.movedTo ?? before?.movedTo ?? null });
      // The surplus as it stands after the invoice's last line (money paid after expiry is all surplus).
      if (o.refundCandidate) candidates.set(o.reference, { reference: o.reference, ...o.refundCandidate });
      else if (o.paidAfterExpiryHalalas > 0)
        candidates.set(o.reference, { reference: o.reference, rule: 'RF-OVERPAYMENT', surplusHalalas: o.paidAfterExpiryHalalas });
    }
    result.refundCandidates = [...candidates.values()];
    for (const o of outcomes.values()) {
      if (o.movedTo) result.settled.push({ reference: o.reference, status: o.movedTo });
      if (o.invoiceStatus === 'partially_paid') result.partial.push({ reference: o.reference, remainingHalalas: o.remainingHalalas });
    }

    await appendAudit(trx, {
      at,
      actorId: w.actorId,
      action: 'payment.import',
      entity: 'payment_import',
      entityId: importId,
      data: { fileName, sha256: file.sha256, ...counts, settled: result.settled.map((s) => s.reference) },
    });
    return result;
  });
}
