/**
 * A payment the gateway never saw (a bank transfer), recorded by one finance officer from its proof
 * and counted only once a second officer confirms it (maker-checker, domain.md). The checks that
 * matter are part of each UPDATE (still pending, not the recorder), so two officers acting at once,
 * or the recorder confirming through another window, find nothing left to change.
 */
import { createHash } from 'node:crypto';
import type { DeskDb } from '../db/connection';
import type { Trx } from '../cases/apply-transition';
import { serialise } from '../db/dialect';
import { DeskFault, notFound } from '../errors';
import { appendAudit } from '../audit/chain';
import { currentPolicy } from '../policy/current-policy';
import { riyadhDate } from '../time/riyadh-day';
import { sniffType } from '../intake/file-type';
import { isoInstantWithOffset } from './reconciliation-text';
import { settleInvoice } from './settle';
import type { PaymentWriter } from './payments-import';
import type { BlobStore } from '../blobs/blob-store';
import { databaseStore } from '../blobs/database-store';
import { putBeforeCommit, recordBlob, type NewBlob } from '../blobs/attachment-blobs';

export interface ManualPaymentInput {
  invoiceId: number;
  amountHalalas: number;
  paidOn: string;
  transferReference: string;
  proof: { attachmentId: number } | { fileName: string; data: string };
}

/** A signed-in finance officer: the maker and checker are told apart by this id. */
export type FinanceOfficer = PaymentWriter & { actorId: number };

const dayOf = (iso: string) => riyadhDate(iso);

/** An uploaded proof, checked before anything is written: not empty, not too large, a PDF, JPEG or PNG by its content. */
function uploadedProof(proof: { fileName: string; data: string }, maxBytes: number): NewBlob & { fileName: string } {
  const bytes = Buffer.from(proof.data, 'base64');
  if (bytes.length === 0) throw new DeskFault('bad_input', 'proof: the file is empty', 'الإثبات: الملف فارغ');
  if (bytes.length > maxBytes)
    throw new DeskFault(
      'bad_input',
      `proof: the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`,
      `الإثبات: حجم الملف أكبر من ${Math.round(maxBytes / 1024 / 1024)} ميغابايت`,
    );
  // By its content, never its name, as every attachment of the desk (intake/file-type.ts).
  const mime = sniffType(bytes);
  if (!mime)
    throw new DeskFault(
      'bad_input',
      'proof: the file is not a PDF, JPEG or PNG (by its content)',
      'الإثبات: الملف ليس PDF أو JPEG أو PNG بحسب محتواه',
    );
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { sha256, bytes, mime, fileName: proof.fileName };
}

/** The proof as an attachment of the request: one it has already, or the uploaded file (its bytes in the store already) kept as `payment_proof`. */
async function proofAttachment(
  trx: Trx,
  blobs: BlobStore,
  requestId: number,
  proof: ManualPaymentInput['proof'],
  upload: (NewBlob & { fileName: string }) | null,
  at: string,
): Promise<number> {
  if ('attachmentId' in proof || !upload) {
    const attachmentId = 'attachmentId' in proof ? proof.attachmentId : -1;
    const a = await trx.selectFrom('attachments').select('id').where('id', '=', attachmentId).where('request_id', '=', requestId).executeTakeFirst();
    if (!a)
      throw new DeskFault(
        'bad_input',
        `proof: attachment ${attachmentId} is not one of this request's attachments`,
        `الإثبات: المرفق ${attachmentId} ليس من مرفقات هذا الطلب`,
      );
    return a.id;
  }
  await recordBlob(trx, blobs, upload);
  const { id } = await trx
    .insertInto('attachments')
    .values({
      request_id: requestId,
      kind: 'payment_proof',
      file_name: upload.fileName.replace(/\\/g, '/').split('/').pop()!.slice(0, 255) || 'proof',
      sha256: upload.sha256,
      issued_at: null,
      certified: null,
      uploaded_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The maker: records the transfer as pending; it counts toward nothing until confirmed. Returns the request id. */
export async function recordManualPayment(
  db: DeskDb,
  w: FinanceOfficer,
  input: ManualPaymentInput,
  blobs: BlobStore = databaseStore(db),
): Promise<number> {
  const at = w.now().toISOString();
  // Noon in Riyadh: the instant whose Riyadh day is the day the bank says, whatever reads it.
  const paidAt = isoInstantWithOffset(`${input.paidOn}T12:00:00+03:00`);
  if (!paidAt) throw new DeskFault('bad_input', `paidOn: ${input.paidOn} is not a real date`, `paidOn: ${input.paidOn} ليس تاريخاً صحيحاً`);
  if (input.paidOn > dayOf(at))
    throw new DeskFault('bad_input', `paidOn: ${input.paidOn} is in the future`, `paidOn: تاريخ التحويل ${input.paidOn} في المستقبل`);
  const { policy } = await currentPolicy(db, at);
  // An uploaded proof's bytes are stored before the transaction that names them (blobs/attachment-blobs.ts).
  const upload = 'attachmentId' in input.proof ? null : uploadedProof(input.proof, policy.maxAttachmentBytes);
  if (upload) await putBeforeCommit(blobs, [upload]);
  return db.transaction().execute(async (trx) => {
    const inv = await trx
      .selectFrom('invoices')
      .select(['id', 'number', 'status', 'due_on', 'request_id'])
      .where('id', '=', input.invoiceId)
      .executeTakeFirst();
    if (!inv) throw notFound(`invoice ${input.invoiceId}`, `الفاتورة ${input.invoiceId}`, 'feminine');
    if (inv.status === 'expired')
      throw new DeskFault(
        'invalid_transition',
        `invoice ${inv.number} expired unpaid${inv.due_on ? ` on ${inv.due_on}` : ''} and its request was rejected: it cannot take a payment (money received for it is refunded)`,
        `انتهت مهلة سداد الفاتورة ${inv.number}${inv.due_on ? ` في ${inv.due_on}` : ''} دون سداد ورُفض طلبها: لا يسجل عليها سداد (يُرد ما استُلم لها)`,
      );
    // The same transfer recorded twice would count twice once confirmed: one record per reference and invoice.
    await serialise(trx, `manual-payment:${inv.id}`);
    const same = await trx
      .selectFrom('payments')
      .select('status')
      .where('invoice_id', '=', inv.id)
      .where('source', '=', 'manual')
      .where('reference', '=', input.transferReference)
      .where('status', 'in', ['pending', 'confirmed'])
      .executeTakeFirst();
    if (same)
      throw new DeskFault(
        'conflict',
        `transferReference: the transfer ${input.transferReference} is recorded on invoice ${inv.number} already (${same.status})`,
        `transferReference: التحويل ${input.transferReference} مسجل على الفاتورة ${inv.number} من قبل`,
      );
    const proofId = await proofAttachment(trx, blobs, inv.request_id, input.proof, upload, at);
    const { id } = await trx
      .insertInto('payments')
      .values({
        invoice_id: inv.id,
        amount_halalas: input.amountHalalas,
        paid_at: paidAt,
        channel: 'bank_transfer',
        reference: input.transferReference,
        transaction_id: null,
        source: 'manual',
        status: 'pending',
        recorded_by: w.actorId,
        recorded_at: at,
        confirmed_by: null,
        confirmed_at: null,
        proof_attachment_id: proofId,
        import_id: null,
        refusal_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      at,
      actorId: w.actorId,
      action: 'payment.record_manual',
      // On the request, so the case's own audit list shows its money.
      entity: 'request',
      entityId: inv.request_id,
      data: {
        paymentId: id,
        invoice: inv.number,
        amount: input.amountHalalas / 100,
        paidOn: input.paidOn,
        transferReference: input.transferReference,
        proofAttachmentId: proofId,
      },
    });
    return inv.request_id;
  });
}

/** Why nothing changed, from the payment as it is now. */
async function explainUnchanged(trx: Trx, paymentId: number, me: number, doing: 'confirm' | 'refuse'): Promise<never> {
  const p = await trx.selectFrom('payments').select(['id', 'source', 'status', 'recorded_by']).where('id', '=', paymentId).executeTakeFirst();
  if (!p) throw notFound(`payment ${paymentId}`, `الدفعة ${paymentId}`, 'feminine');
  if (p.source !== 'manual')
    throw new DeskFault(
      'invalid_transition',
      `payment ${paymentId} came from the payment gateway; only a manual payment is confirmed or refused`,
      'هذه الدفعة من بوابة الدفع؛ لا يؤكد أو يرفض إلا سداد يدوي',
    );
  if (p.status !== 'pending')
    throw new DeskFault(
      'conflict',
      `payment ${paymentId} is ${p.status} already`,
      p.status === 'confirmed' ? `الدفعة ${paymentId} مؤكدة من قبل` : `الدفعة ${paymentId} مرفوضة من قبل`,
    );
  if (doing === 'confirm' && p.recorded_by === me)
    throw new DeskFault('forbidden', 'the officer who recorded a payment cannot also confirm it', 'لا يؤكد السداد من سجله؛ يؤكده موظف مالية آخر');
  throw new DeskFault('conflict', `payment ${paymentId} changed meanwhile; reload it`, 'تغيرت الدفعة أثناء ذلك؛ أعد تحميلها');
}

/** The checker: another officer than the recorder confirms it, and the invoice is settled. Returns the request id. */
export async function confirmManualPayment(db: DeskDb, w: FinanceOfficer, paymentId: number): Promise<number> {
  const at = w.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('payments')
      .set({ status: 'confirmed', confirmed_by: w.actorId, confirmed_at: at })
      .where('id', '=', paymentId)
      .where('source', '=', 'manual')
      .where('status', '=', 'pending')
      .where('recorded_by', '<>', w.actorId)
      .returning(['invoice_id', 'amount_halalas', 'reference', 'recorded_by'])
      .executeTakeFirst();
    if (!done) return explainUnchanged(trx, paymentId, w.actorId, 'confirm');
    const outcome = await settleInvoice(trx, { actorId: w.actorId, at, signer: w.signer }, done.invoice_id);
    const inv = await trx.selectFrom('invoices').select('request_id').where('id', '=', done.invoice_id).executeTakeFirstOrThrow();
    await appendAudit(trx, {
      at,
      actorId: w.actorId,
      action: 'payment.confirm_manual',
      entity: 'request',
      entityId: inv.request_id,
      data: {
        paymentId,
        amount: done.amount_halalas / 100,
        transferReference: done.reference,
        recordedBy: done.recorded_by,
        invoiceStatus: outcome.invoiceStatus,
        movedTo: outcome.movedTo,
      },
    });
    return inv.request_id;
  });
}

/**
 * Refuses a pending manual payment with the reason (the proof does not show the money, the amount is
 * wrong, …). Any finance officer may, the recorder too (withdrawing a mistake moves no money). Returns the request id.
 */
export async function refuseManualPayment(db: DeskDb, w: FinanceOfficer, paymentId: number, reason: string): Promise<number> {
  const at = w.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('payments')
      .set({ status: 'refused', refusal_reason: reason })
      .where('id', '=', paymentId)
      .where('source', '=', 'manual')
      .where('status', '=', 'pending')
      .returning(['invoice_id', 'amount_halalas', 'reference'])
      .executeTakeFirst();
    if (!done) return explainUnchanged(trx, paymentId, w.actorId, 'refuse');
    const inv = await trx.selectFrom('invoices').select('request_id').where('id', '=', done.invoice_id).executeTakeFirstOrThrow();
    await appendAudit(trx, {
      at,
      actorId: w.actorId,
      action: 'payment.refuse_manual',
      entity: 'request',
      entityId: inv.request_id,
      data: { paymentId, amount: done.amount_halalas / 100, transferReference: done.reference, reason },
    });
    return inv.request_id;
  });
}
