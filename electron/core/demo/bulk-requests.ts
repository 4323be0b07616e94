/**
 * The demo's requests as rows, for the bulk seed (bulk-seed.ts): the same mix as seed.ts (statuses, services,
 * names, ID numbers, histories, returns' notes, answers, experience, CPD, attachments from the shared file pool,
 * invoices with their lines and payments, printed cards), each request's rows computed here in memory and
 * written by the caller many thousands at a time. Nothing is read from the database per request: ids, invoice
 * and card numbers are counted from where the caller says they start.
 */
import type { Policy, Service, Status } from '../../../shared/domain';
import { isCardService, isDocumentService } from '../../../shared/domain';
import { TERMS } from '../../../shared/domain/terms';
import { withCheckDigit } from '../identity/national-id';
import { quoteFee } from '../finance/fees';
import { sadadBillNumber } from '../finance/invoices';
import { addDays, plusMonths } from '../time/day-arithmetic';
import { riyadhDate } from '../time/riyadh-day';
import { applicantFromRecord } from '../cases/applicant-snapshot';
import { normaliseToken } from '../cases/search-text';
import { closedDays, slaDueOn, type ClockStep } from '../cases/sla-clock';
import type { PractitionerRow } from '../db/schema';
import type { SeededRandom } from './random';
import { demoFiledAt } from './filed-at';
import type { DemoFilePool } from './attachment-files';
import { demoAttachments } from './attachment-plan';
import { FACILITIES, FAMILY, FEMALE_FIRST, MALE_FIRST, RESIDENTS } from './names';
import { STATUS_WEIGHTS, SERVICE_WEIGHTS, weighted, fitStatus, pathTo, categoriesFor, NOT_YET_REGISTERED } from './request-mix';

/** A table's columns and their PostgreSQL types: the bulk insert sends one typed array per column. */
export const BULK_COLUMNS = {
  practitioners: {
    id: 'int4',
    id_type: 'text',
    id_number: 'text',
    id_expiry: 'text',
    name_ar: 'text',
    name_en: 'text',
    nationality: 'text',
    birth_date: 'text',
    gender: 'text',
    email: 'text',
    mobile: 'text',
    registration_number: 'text',
    profession: 'text',
    specialty: 'text',
    category: 'text',
    card_number: 'text',
    card_issued_at: 'text',
    card_expires_at: 'text',
  },
  requests: {
    id: 'int4',
    reference: 'text',
    service: 'text',
    status: 'text',
    version: 'int4',
    practitioner_id: 'int4',
    submitted_at: 'text',
    assignee_id: 'int4',
    employer_type: 'text',
    employer_facility: 'text',
    internship_completed: 'int4',
    cpd_recorded_hours: 'float8',
    applicant_snapshot: 'text',
    return_due_at: 'text',
    decided_at: 'text',
    policy_version: 'int4',
    updated_at: 'text',
    search_text: 'text',
    sla_due_on: 'text',
  },
  status_history: {
    request_id: 'int4',
    action: 'text',
    from_status: 'text',
    to_status: 'text',
    actor_id: 'int4',
    at: 'text',
    reason_code: 'text',
    reason: 'text',
    policy_version: 'int4',
  },
  notes: { request_id: 'int4', kind: 'text', text: 'text', author_id: 'int4', at: 'text' },
  questionnaire_answers: { request_id: 'int4', question_id: 'text', answer: 'int4' },
  experiences: {
    request_id: 'int4',
    employer: 'text',
    position: 'text',
    from_date: 'text',
    to_date: 'text',
    country: 'text',
    added_at: 'text',
  },
  cpd_activities: { request_id: 'int4', title: 'text', provider: 'text', hours: 'float8', date: 'text', kind: 'text' },
  attachments: {
    request_id: 'int4',
    kind: 'text',
    file_name: 'text',
    sha256: 'text',
    version: 'int4',
    issued_at: 'text',
    certified: 'int4',
    uploaded_at: 'text',
  },
  invoices: {
    id: 'int4',
    request_id: 'int4',
    number: 'text',
    issued_at: 'text',
    sadad_bill_number: 'text',
    due_on: 'text',
    total_halalas: 'int4',
    policy_version: 'int4',
    status: 'text',
    paid_at: 'text',
  },
  invoice_lines: { invoice_id: 'int4', kind: 'text', amount_halalas: 'int4' },
  payments: {
    invoice_id: 'int4',
    amount_halalas: 'int4',
    paid_at: 'text',
    channel: 'text',
    reference: 'text',
    transaction_id: 'text',
    source: 'text',
    status: 'text',
    recorded_by: 'int4',
    recorded_at: 'text',
    confirmed_by: 'int4',
    confirmed_at: 'text',
  },
  cards: {
    id: 'int4',
    request_id: 'int4',
    number: 'text',
    issued_at: 'text',
    expires_at: 'text',
    status: 'text',
    printed_at: 'text',
    delivery: 'text',
  },
  card_prints: { card_id: 'int4', at: 'text', actor_id: 'int4', layout: 'text', reason: 'text' },
} as const;

export type BulkTable = keyof typeof BULK_COLUMNS;
type Cell = string | number | null;
type RowOf<T extends BulkTable> = { [K in keyof (typeof BULK_COLUMNS)[T]]: Cell };

/** Rows waiting to be written, one array per column; written table by table in BULK_COLUMNS's order (parents first). */
export class BulkRows {
  readonly columns = new Map<BulkTable, Map<string, Cell[]>>();
  private count = 0;

  add<T extends BulkTable>(table: T, row: RowOf<T>): void {
    let cols = this.columns.get(table);
    if (!cols) this.columns.set(table, (cols = new Map(Object.keys(BULK_COLUMNS[table]).map((c) => [c, []]))));
    for (const [c, values] of cols) values.push((row as Record<string, Cell>)[c]!);
    this.count++;
  }

  get rows(): number {
    return this.count;
  }
}

/** What every request of one bulk seed shares. */
export interface BulkContext {
  rng: SeededRandom;
  seed: number;
  files: DemoFilePool;
  policy: Policy;
  policyVersion: number;
  now: Date;
  reviewers: number[];
  clerk: number;
  finance: number;
  /** The next invoice and card numbers of each year, and the next invoice and card ids: advanced as rows are made. */
  numbers: { invoiceId: number; cardId: number; invoiceOfYear: Map<string, number>; cardOfYear: Map<string, number> };
}

const PROFESSIONS = Object.entries(TERMS.professions);
const QUESTIONS = TERMS.questionnaire.map((q) => q.id);
const CLOCK_ACTIONS = new Set(['return_to_applicant', 'resubmit']);
const RETURN_NOTES = [
  'يرجى إرفاق خطاب تعريف من جهة العمل بتاريخ حديث لا يتجاوز ثلاثة أشهر.',
  'يرجى إرفاق التقرير الطبي المطلوب لمن بلغ 65 عاماً.',
  'ساعات التطوير المهني المسجلة أقل من المطلوب؛ يرجى إضافة الشهادات.',
];
const BRANCHES = ['الرياض', 'جدة', 'الدمام', 'المدينة المنورة', 'أبها'];

const nextOf = (m: Map<string, number>, year: string) => {
  const n = (m.get(year) ?? 0) + 1;
  m.set(year, n);
  return String(n).padStart(6, '0');
};

/**
 * Request number `n` of the desk (its id is `n` too, its practitioner's id `n`): its rows added to `out`. The
 * status is the one the mix drew, reached through its history (a paid request has its invoice paid; a printed
 * one its card), not left awaiting payment for a reconciliation file to move on as seed.ts does.
 */
export function addBulkRequest(c: BulkContext, n: number, out: BulkRows): void {
  const { rng, policy, now } = c;
  const today = riyadhDate(now);
  const year = now.getUTCFullYear();
  const resident = rng.chance(0.3);
  const female = rng.chance(0.45);
  let nameAr: string, nameEn: string, nationality: string;
  if (resident) {
    const r = rng.pick(RESIDENTS);
    [nameAr, nameEn, nationality] = [r[0], r[1], r[2]];
  } else {
    const first = rng.pick(female ? FEMALE_FIRST : MALE_FIRST);
    const father = rng.pick(MALE_FIRST);
    const family = rng.pick(FAMILY);
    nameAr = `${first[0]} ${female ? 'بنت' : 'بن'} ${father[0]} ${family[0]}`;
    nameEn = `${first[1]} ${father[1]} ${family[1]}`;
    nationality = 'SA';
  }
  const service = weighted(rng, SERVICE_WEIGHTS);
  const target = fitStatus(service, weighted(rng, STATUS_WEIGHTS));
  const employerType = rng.pick(['government', 'private', 'military', 'university']);
  const freeOfCharge = quoteFee({ service, submittedAt: today, card: null, employerType, category: null }, policy).totalHalalas === 0;
  const status: Status =
    target === 'awaiting_payment' && freeOfCharge
      ? isCardService(service)
        ? 'ready_to_print'
        : isDocumentService(service)
          ? 'document_issued'
          : 'approved'
      : target;
  const back = status === 'submitted' ? 20 : status === 'awaiting_payment' ? (rng.chance(0.04) ? rng.int(20, 30) : rng.int(1, 9)) : 75;
  const { day: submittedDay, at: submittedAt } = demoFiledAt(rng, today, back, now);
  const [professionKey, prof] = rng.pick(PROFESSIONS);
  const spec = rng.pick(prof.specialties) as [string, string];
  const category = rng.pick(categoriesFor(professionKey));
  const idNumber = withCheckDigit(`${resident ? 2 : 1}${String((n * 7_368_787 + 1_234_567) % 100_000_000).padStart(8, '0')}`);
  const birthYear = rng.chance(0.06) ? year - rng.int(65, 70) : year - rng.int(25, 60);
  const expiresAt = addDays(submittedDay, rng.int(-10, 100));
  const renewing = service === 'RENEWAL' || service === 'CARD_REPLACEMENT';
  const practitioner: PractitionerRow = {
    id: n,
    id_type: resident ? 'iqama' : 'national_id',
    id_number: idNumber,
    id_expiry: resident ? addDays(today, rng.int(30, 700)) : null,
    name_ar: nameAr,
    name_en: nameEn,
    nationality,
    birth_date: `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    gender: female ? 'female' : 'male',
    email: `${nameEn.split(' ')[0]!.toLowerCase()}.${n}@example.com`,
    mobile: rng.chance(0.02) ? `+9661${rng.digits(8)}` : `+9665${rng.digits(8)}`,
    registration_number:
      (service === 'REGISTRATION' || service === 'CLASSIFICATION_OUTSIDE') && NOT_YET_REGISTERED.includes(status)
        ? null
        : `${rng.int(10, 24)}R${rng.pick(['M', 'N', 'P', 'D', 'T'])}${rng.digits(7)}`,
    profession: prof.en,
    specialty: spec[1],
    category,
    card_number: renewing ? `C-${year - 3}-${rng.digits(6)}` : null,
    card_issued_at: renewing ? addDays(expiresAt, -3 * 365) : null,
    card_expires_at: renewing ? expiresAt : null,
  };
  // The request keeps the applicant as submitted: the card held then, not one printed for this request.
  const snapshot = JSON.stringify(applicantFromRecord(practitioner));
  const activityHours = Array.from({ length: rng.int(0, 3) }, () => rng.int(2, 12));
  const path = pathTo(status, freeOfCharge);
  const assignee = status === 'in_review' || status === 'awaiting_second_signature' ? rng.pick(c.reviewers) : null;
  const actor = assignee ?? rng.pick(c.reviewers);
  const reference = `REQ-${submittedDay.slice(0, 4)}-${String(n).padStart(6, '0')}`;

  // The history, each step a few hours to a day after the one before, none in the future (as seeded-history.ts).
  out.add('status_history', historyRow(n, 'submit', null, 'submitted', null, submittedAt, null));
  const actionAt = new Map<string, string>();
  const steps: ClockStep[] = [];
  let from: Status = 'submitted';
  let clockMs = Date.parse(submittedAt);
  path.forEach(([action, to], step) => {
    clockMs = Math.min(clockMs + 3600_000 * rng.int(2, 30), now.getTime() - (path.length - step) * 60_000);
    const at = new Date(clockMs).toISOString();
    actionAt.set(action, at);
    if (CLOCK_ACTIONS.has(action)) steps.push({ action, at });
    const applicantOwn = action === 'resubmit' || action === 'withdraw';
    const reasonCode = action === 'reject' ? rng.pick(['ineligible', 'documents_invalid', 'duplicate']) : null;
    out.add('status_history', historyRow(n, action, from, to, applicantOwn ? null : actor, at, reasonCode));
    if (action === 'return_to_applicant')
      out.add('notes', { request_id: n, kind: 'to_applicant', text: rng.pick(RETURN_NOTES), author_id: actor, at });
    from = to;
  });

  const invoicedAt = actionAt.get('request_payment');
  if (invoicedAt)
    addInvoice(c, n, invoicedAt, actionAt.get('record_payment') ?? null, practitioner, service, submittedAt, employerType, category, out);
  const printedAt = actionAt.get('print_card');
  if (printedAt) addCard(c, n, printedAt, actionAt.get('record_delivery') ?? null, practitioner, out);

  out.add('practitioners', practitioner);
  out.add('requests', {
    id: n,
    reference,
    service,
    status,
    version: path.length,
    practitioner_id: n,
    submitted_at: submittedAt,
    assignee_id: assignee,
    employer_type: employerType,
    employer_facility: rng.pick(FACILITIES),
    internship_completed: rng.chance(0.9) ? 1 : 0,
    cpd_recorded_hours: Math.max(
      0,
      (policy.cpdHours[category] ?? 20) - (rng.chance(0.12) ? rng.int(4, 12) : 0) - activityHours.reduce((a, b) => a + b, 0),
    ),
    applicant_snapshot: snapshot,
    return_due_at: status === 'returned' ? addDays(submittedDay, 30 + rng.int(0, 10)) : null,
    decided_at: null,
    policy_version: 1,
    updated_at: submittedAt,
    search_text: searchTextOf([reference, nameAr, nameEn, idNumber, practitioner.mobile]),
    sla_due_on: slaDueOn({ service, status, submittedAt, steps }, policy, closedOf(policy)),
  });
  for (const q of QUESTIONS) out.add('questionnaire_answers', { request_id: n, question_id: q, answer: rng.chance(0.01) ? 1 : 0 });
  for (const hours of activityHours)
    out.add('cpd_activities', {
      request_id: n,
      title: rng.pick(['BLS', 'ACLS', 'Infection Control', 'Patient Safety', 'Pain Management']),
      provider: rng.pick(['SCFHS', 'SHA', 'MOH Academy']),
      hours,
      date: addDays(submittedDay, -rng.int(10, 300)),
      kind: 'course',
    });
  // The pool's files (a few KB each, stored once): the desk's own attachments at real size are bench/blobs.ts's.
  const plan = demoAttachments(rng, service, { resident, aged: year - birthYear >= 65, internship: true, submittedDay });
  for (const a of plan) {
    const f = a.kind === 'photo' ? c.files.photo() : c.files.letter(a.kind);
    out.add('attachments', {
      request_id: n,
      kind: a.kind,
      file_name: f.fileName,
      sha256: f.sha256,
      version: 1,
      issued_at: a.issuedAt ?? null,
      certified: a.kind === 'bachelor_certificate' ? 1 : null,
      uploaded_at: submittedAt,
    });
  }
  out.add('experiences', {
    request_id: n,
    employer: rng.pick(FACILITIES),
    position: spec[1],
    from_date: `${year - rng.int(2, 15)}-01-01`,
    to_date: null,
    country: 'SA',
    added_at: submittedAt,
  });
}

function historyRow(
  requestId: number,
  action: string,
  from: Status | null,
  to: Status,
  actor: number | null,
  at: string,
  reasonCode: string | null,
): RowOf<'status_history'> {
  return {
    request_id: requestId,
    action,
    from_status: from,
    to_status: to,
    actor_id: actor,
    at,
    reason_code: reasonCode,
    reason: null,
    policy_version: action === 'submit' ? null : 1,
  };
}

/** The request's invoice as its approval issued it (number, SADAD bill, lines, due day), paid if its history says so. */
function addInvoice(
  c: BulkContext,
  requestId: number,
  invoicedAt: string,
  paidBefore: string | null,
  p: PractitionerRow,
  service: Service,
  submittedAt: string,
  employerType: string,
  category: string,
  out: BulkRows,
): void {
  const quote = quoteFee(
    { service, submittedAt, card: p.card_expires_at ? { expiresAt: p.card_expires_at } : null, employerType, category },
    c.policy,
  );
  const day = riyadhDate(invoicedAt);
  const id = c.numbers.invoiceId++;
  const number = `INV-${day.slice(0, 4)}-${nextOf(c.numbers.invoiceOfYear, day.slice(0, 4))}`;
  const paidAt = paidBefore ? new Date(Date.parse(paidBefore) - c.rng.int(10, 300) * 60_000).toISOString() : null;
  out.add('invoices', {
    id,
    request_id: requestId,
    number,
    issued_at: invoicedAt,
    sadad_bill_number: sadadBillNumber(number),
    due_on: addDays(day, c.policy.paymentWindowDays),
    total_halalas: quote.totalHalalas,
    policy_version: c.policyVersion,
    status: paidAt ? 'paid' : 'unpaid',
    paid_at: paidAt,
  });
  for (const l of quote.lines) out.add('invoice_lines', { invoice_id: id, kind: l.kind, amount_halalas: l.amountHalalas });
  if (!paidAt) return;
  const tx = `TX-${paidAt.slice(0, 10).replace(/-/g, '')}-B${String(id).padStart(7, '0')}`;
  const recordedAt = c.now.toISOString();
  out.add('payments', {
    invoice_id: id,
    amount_halalas: quote.totalHalalas,
    paid_at: paidAt,
    channel: 'sadad',
    reference: tx,
    transaction_id: tx,
    source: 'reconciliation',
    status: 'confirmed',
    recorded_by: c.finance,
    recorded_at: recordedAt,
    confirmed_by: c.finance,
    confirmed_at: recordedAt,
  });
}

/** The card printed for the request (and delivered, if its history says so); the practitioner's record then holds it. */
function addCard(c: BulkContext, requestId: number, printedAt: string, deliveredAt: string | null, p: PractitionerRow, out: BulkRows): void {
  const issuedAt = riyadhDate(printedAt);
  const id = c.numbers.cardId++;
  const number = `C-${issuedAt.slice(0, 4)}-${nextOf(c.numbers.cardOfYear, issuedAt.slice(0, 4))}`;
  const expiresAt = plusMonths(issuedAt, 12 * c.policy.cardValidityYears);
  const delivery = deliveredAt
    ? c.rng.chance(0.6)
      ? { method: 'mail', trackingNumber: `SPL${c.rng.digits(9)}`, at: deliveredAt }
      : { method: 'branch', branch: c.rng.pick(BRANCHES), receiverName: 'صاحب البطاقة', at: deliveredAt }
    : null;
  out.add('cards', {
    id,
    request_id: requestId,
    number,
    issued_at: issuedAt,
    expires_at: expiresAt,
    status: 'active',
    printed_at: printedAt,
    delivery: delivery ? JSON.stringify(delivery) : null,
  });
  out.add('card_prints', { card_id: id, at: printedAt, actor_id: c.clerk, layout: 'cr80', reason: null });
  Object.assign(p, { card_number: number, card_issued_at: issuedAt, card_expires_at: expiresAt });
}

/**
 * search-text.ts's searchText, its folding of each word remembered: the names are drawn from short lists, and
 * folding Arabic is most of what making a request costs. bulk-seed.postgres.test.ts holds the two equal.
 */
const folded = new Map<string, string>();
function searchTextOf(parts: string[]): string {
  const fold = (w: string) => {
    let f = folded.get(w);
    if (f === undefined) folded.set(w, (f = normaliseToken(w)));
    return f;
  };
  return parts.map((part) => part.split(/\s+/).map(fold).join(' ')).join(' ');
}

const closedByPolicy = new WeakMap<Policy, ReturnType<typeof closedDays>>();
function closedOf(policy: Policy) {
  let closed = closedByPolicy.get(policy);
  if (!closed) closedByPolicy.set(policy, (closed = closedDays(policy.sla.holidays)));
  return closed;
}
