/**
 * Test helpers for the money path: requests imported and approved through the desk's own paths, so
 * each waits for payment with a real invoice (number, SADAD bill number, total), and reconciliation
 * files written line by line.
 */
import type { DeskDb } from '../../db/connection';
import type { Clock } from '../../time/clock';
import type { CardSigner } from '../../documents/card-signing';
import type { UserInfo } from '../../../../shared/domain/index';
import { importBundles } from '../../intake/import-batch';
import { samplePolicy } from '../../policy/sample-policy';
import { goodRequestJson, writeFolder } from '../../intake/testing/request-bundles';
import * as decide from '../../cases/decisions';
import type { Actor } from '../../actor';

export interface AwaitingInvoice {
  requestId: number;
  reference: string;
  invoiceId: number;
  number: string;
  bill: string;
  total: number;
}

/** `count` renewals (a card service) approved by one reviewer: each is awaiting_payment with its invoice. */
export async function approvedRenewals(
  d: { db: DeskDb; clock: Clock; cardSigner: CardSigner },
  reviewer: UserInfo,
  count: number,
  firstReference = 701,
): Promise<AwaitingInvoice[]> {
  const refs = Array.from({ length: count }, (_, i) => `REQ-2026-${String(firstReference + i).padStart(6, '0')}`);
  const imported = await importBundles(
    d.db,
    d.clock,
    samplePolicy(),
    refs.map((reference) => writeFolder(goodRequestJson({ reference }))),
  );
  if (!imported.every((r) => r.ok)) throw new Error(`test bundles refused: ${JSON.stringify(imported)}`);
  const actor: Actor = { user: reviewer, clock: d.clock, cardSigner: d.cardSigner };
  for (const reference of refs) {
    const r = await d.db.selectFrom('requests').select(['id', 'version']).where('reference', '=', reference).executeTakeFirstOrThrow();
    await decide.claim(d.db, actor, r.id, r.version);
    await decide.approve(d.db, actor, r.id, r.version + 1);
  }
  const rows = await d.db
    .selectFrom('invoices as i')
    .innerJoin('requests as r', 'r.id', 'i.request_id')
    .select(['r.id as request_id', 'r.reference', 'r.status', 'i.id', 'i.number', 'i.sadad_bill_number', 'i.total_halalas'])
    .where('r.reference', 'in', refs)
    .orderBy('r.reference')
    .execute();
  if (rows.length !== count || rows.some((r) => r.status !== 'awaiting_payment' || !r.sadad_bill_number || !r.total_halalas))
    throw new Error(`approval did not leave every request awaiting payment: ${JSON.stringify(rows)}`);
  return rows.map((r) => ({
    requestId: r.request_id,
    reference: r.reference,
    invoiceId: r.id,
    number: r.number,
    bill: r.sadad_bill_number!,
    total: r.total_halalas!,
  }));
}

export const CSV_HEADER = 'transaction_id,sadad_bill_number,invoice_number,amount_halalas,paid_at,channel';

/** A reconciliation file in formats.md's column order, LF line ends. */
export function reconciliationCsv(
  lines: Array<[tx: string, bill: string, invoice: string, amount: string | number, paidAt: string, channel: string]>,
): string {
  return [CSV_HEADER, ...lines.map((l) => l.join(','))].join('\n') + '\n';
}
