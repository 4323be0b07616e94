/**
 * Approval's money step, inside the approval's own transaction (domain.md "Fees, invoices and payments"):
 * a request with something to pay gets its invoice (INV-YYYY-NNNNNN, a SADAD bill number, its lines,
 * due on the approval's Riyadh day + the policy's payment window) and waits for payment; a request with
 * nothing to pay goes straight on. Either way the applicant's one e-mail says what happens next.
 */
import { sql } from 'kysely';
import { isCardService, isDocumentService, type Status } from '../../../shared/domain';
import type { Trx } from '../cases/apply-transition';
import { applyTransition } from '../cases/apply-transition';
import { appendAudit } from '../audit/chain';
import { serialise } from '../db/dialect';
import { addDays } from '../time/day-arithmetic';
import { riyadhDate } from '../time/riyadh-day';
import { queueApplicantNotice, recipient } from '../cases/notify';
import type { PolicyVersion } from '../policy/current-policy';
import type { RequestRow } from '../db/schema';
import type { CardSigner } from '../documents/card-signing';
import { keepIssuedLetter } from '../documents/letters/issued-letters';
import { DeskFault } from '../errors';
import { quoteRequestFee, type FeeQuote } from './fees';

export interface IssuedInvoice {
  id: number;
  number: string;
  sadadBillNumber: string;
  totalHalalas: number;
  dueOn: string;
  lines: FeeQuote['lines'];
}

/** Luhn's check digit of a string of digits (the digit that makes the whole pass Luhn's test). */
function luhnDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * The SADAD bill number of an invoice: 10 digits, "1", the year's last two digits, the invoice's
 * six-digit sequence, and a Luhn check digit, so a mistyped digit in a payment line matches no bill.
 * Unique because invoice numbers are.
 */
export function sadadBillNumber(invoiceNumber: string): string {
  const m = /^INV-\d{2}(\d{2})-(\d{6})$/.exec(invoiceNumber);
  if (!m) throw new Error(`not an invoice number: ${invoiceNumber}`);
  const body = `1${m[1]}${m[2]}`;
  return `${body}${luhnDigit(body)}`;
}

/** A well-formed bill number: 10 digits whose last is the Luhn check digit of the first nine. */
export function isSadadBillNumber(s: string): boolean {
  return /^\d{10}$/.test(s) && luhnDigit(s.slice(0, 9)) === Number(s[9]);
}

/** The next invoice number of the year: INV-YYYY-NNNNNN, numbered from 1 each year. */
export async function nextInvoiceNumber(trx: Trx, day: string): Promise<string> {
  // Desks sharing a PostgreSQL database take numbers one at a time, until the taker commits.
  await serialise(trx, 'invoice-number');
  const year = day.slice(0, 4);
  const last = await trx
    .selectFrom('invoices')
    .select(sql<string | null>`max(number)`.as('n'))
    .where('number', 'like', `INV-${year}-______`)
    .executeTakeFirst();
  const next = last?.n ? Number(last.n.slice(9)) + 1 : 1;
  if (next > 999_999) throw new DeskFault('conflict', `invoice numbers of ${year} are exhausted`, `نفدت أرقام الفواتير لسنة ${year}`);
  return `INV-${year}-${String(next).padStart(6, '0')}`;
}

export async function issueInvoice(
  trx: Trx,
  r: { requestId: number; at: string; actorId: number | null; pv: PolicyVersion; quote: FeeQuote },
): Promise<IssuedInvoice> {
  const day = riyadhDate(r.at);
  const number = await nextInvoiceNumber(trx, day);
  const bill = sadadBillNumber(number);
  const dueOn = addDays(day, r.pv.policy.paymentWindowDays);
  const { id } = await trx
    .insertInto('invoices')
    .values({
      request_id: r.requestId,
      number,
      issued_at: r.at,
      sadad_bill_number: bill,
      due_on: dueOn,
      total_halalas: r.quote.totalHalalas,
      policy_version: r.pv.version,
      status: 'unpaid',
      paid_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const l of r.quote.lines)
    await trx.insertInto('invoice_lines').values({ invoice_id: id, kind: l.kind, amount_halalas: l.amountHalalas }).execute();
  await appendAudit(trx, {
    at: r.at,
    actorId: r.actorId,
    action: 'invoice.issue',
    entity: 'request',
    entityId: r.requestId,
    data: {
      invoice: number,
      sadadBillNumber: bill,
      total: r.quote.totalHalalas / 100,
      lines: r.quote.lines.map((l) => ({ kind: l.kind, amount: l.amountHalalas / 100 })),
      monthsLate: r.quote.monthsLate,
      dueOn,
      policyVersion: r.pv.version,
    },
  });
  return { id, number, sadadBillNumber: bill, totalHalalas: r.quote.totalHalalas, dueOn, lines: r.quote.lines };
}

export interface ApprovalContext {
  actorId: number;
  at: string;
  pv: PolicyVersion;
  /** Signs the QR of a document issued straight away (nothing to pay). */
  signer?: CardSigner;
}

/**
 * What follows a request reaching `approved` (`approved`: its row as that transition left it), in the same transaction: the invoice and awaiting_payment,
 * or straight on to printing / the issued letter when there is nothing to pay; and the applicant's e-mail.
 * A service that neither prints a card nor issues a document (a data update) stays approved.
 */
export async function afterApproval(
  trx: Trx,
  c: ApprovalContext,
  approved: RequestRow,
): Promise<{ to: Status; invoice: IssuedInvoice | null; request: RequestRow }> {
  const requestId = approved.id;
  const service = approved.service;
  const to = await recipient(trx, approved);
  if (!isCardService(service) && !isDocumentService(service)) {
    await queueApplicantNotice(trx, to, { kind: 'approved' }, c.at);
    return { to: 'approved', invoice: null, request: approved };
  }
  const quote = await quoteRequestFee(trx, approved, c.pv.policy);
  if (quote.totalHalalas > 0) {
    const invoice = await issueInvoice(trx, { requestId, at: c.at, actorId: c.actorId, pv: c.pv, quote });
    const moved = await applyTransition(trx, {
      request: approved,
      action: 'request_payment',
      actorId: c.actorId,
      at: c.at,
      policyVersion: c.pv.version,
      reason: `invoice ${invoice.number}, due ${invoice.dueOn}`,
    });
    await queueApplicantNotice(trx, to, { kind: 'approved_invoice', invoice }, c.at);
    return { to: moved.to, invoice, request: moved.request };
  }
  const moved = await applyTransition(trx, {
    request: approved,
    action: 'no_fee',
    actorId: c.actorId,
    at: c.at,
    policyVersion: c.pv.version,
    reasonCode: quote.exemption ? `exempt:${quote.exemption.id}` : 'no_fee',
    reason: quote.exemption ? quote.exemption.labelEn : 'the fee schedule has no fee for this service',
  });
  if (moved.to === 'document_issued') {
    if (!c.signer) throw new Error('issuing a document needs the desk card signer');
    await keepIssuedLetter(trx, c.signer, requestId, c.actorId, c.at);
  }
  await queueApplicantNotice(
    trx,
    to,
    {
      kind: 'approved_no_fee',
      next: isCardService(service) ? 'card' : 'document',
      exemption: quote.exemption ? { ar: quote.exemption.labelAr, en: quote.exemption.labelEn } : null,
    },
    c.at,
  );
  return { to: moved.to, invoice: null, request: moved.request };
}
