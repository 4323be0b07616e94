/** Test helpers for the money path: requests imported as the portal hands them, approved through the dispatcher. */
import { testDesk } from '../../testing/test-desk';
import { importBundles } from '../../intake/import-batch';
import { samplePolicy } from '../../policy/sample-policy';
import { goodRequestJson, writeFolder, type AnyRequest } from '../../intake/testing/request-bundles';
import type { CaseDetail } from '../../../../shared/domain/index';
import { settleInvoice, type SettleOutcome } from '../settle';

export async function moneyDesk(now = '2026-03-10T08:00:00.000Z') {
  const t = await testDesk(':memory:', now);
  // Reviewer and approver in one: a check that fails here is overridden, the test is about the money.
  const decider = await t.as('decider', ['reviewer', 'approver']);
  const finance = await t.as('fin', ['finance']);
  const call = async (token: string, name: string, args: unknown) => t.dispatch(name, args, token);
  let n = 0;

  /** Imports one request (a renewal by default), with `over` merged into its request.json. */
  async function importRequest(over: AnyRequest = {}): Promise<number> {
    n += 1;
    const reference = `REQ-2026-${String(700 + n).padStart(6, '0')}`;
    const [r] = await importBundles(t.desk.db, t.clock, samplePolicy(), [writeFolder(goodRequestJson({ reference, ...over }))]);
    if (!r?.ok) throw new Error(`import failed: ${JSON.stringify(r)}`);
    const row = await t.desk.db.selectFrom('requests').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
    return row.id;
  }

  async function version(id: number): Promise<number> {
    return (await t.desk.db.selectFrom('requests').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  }

  /** Claims and approves; returns the dispatcher's answer to the approval. */
  async function approve(id: number) {
    const claimed = await call(decider.token, 'cases.claim', { id, version: await version(id) });
    if (!claimed.ok) throw new Error(`claim failed: ${JSON.stringify(claimed)}`);
    return call(decider.token, 'cases.approve', {
      id,
      version: await version(id),
      override: { justification: 'Checked on paper at the branch for this test.' },
    }) as Promise<{ ok: true; value: CaseDetail } | { ok: false; error: { code: string; message: string } }>;
  }

  const invoiceOf = (requestId: number) =>
    t.desk.db.selectFrom('invoices').selectAll().where('request_id', '=', requestId).orderBy('id', 'desc').executeTakeFirstOrThrow();

  let tx = 0;
  /** A confirmed payment as a reconciliation line would record it, then the invoice settled, in one transaction. */
  async function pay(invoiceId: number, amountHalalas: number, paidAt = t.clock.now().toISOString(), status: 'confirmed' | 'pending' = 'confirmed') {
    const txId = `TX-${(tx += 1)}`;
    return t.desk.db.transaction().execute(async (trx): Promise<SettleOutcome> => {
      await trx
        .insertInto('payments')
        .values({
          invoice_id: invoiceId,
          amount_halalas: amountHalalas,
          paid_at: paidAt,
          channel: 'sadad',
          reference: txId,
          transaction_id: txId,
          source: 'reconciliation',
          status,
          recorded_by: finance.user.id,
          recorded_at: t.clock.now().toISOString(),
          confirmed_by: null,
          confirmed_at: null,
          proof_attachment_id: null,
          import_id: null,
          refusal_reason: null,
        })
        .execute();
      return settleInvoice(trx, { actorId: finance.user.id, at: t.clock.now().toISOString(), signer: t.desk.cardSigner }, invoiceId);
    });
  }

  const statusOf = async (id: number) =>
    (await t.desk.db.selectFrom('requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const mailOf = (id: number) => t.desk.db.selectFrom('outbox').selectAll().where('request_id', '=', id).orderBy('id').execute();

  return { ...t, decider, finance, call, importRequest, version, approve, invoiceOf, pay, statusOf, mailOf };
}

/** A card that expired `expiresAt`, for a late renewal. */
export const cardExpiring = (expiresAt: string) => ({
  applicant: { ...goodRequestJson().applicant, card: { number: 'C-2023-001122', issuedAt: '2023-04-01', expiresAt } },
});
