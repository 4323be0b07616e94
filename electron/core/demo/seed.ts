/**
 * Demo data: users of every role and N realistic requests spread over the
 * statuses and the last weeks, so every queue has work. Same seed, same data.
 */
import { recordSubmission } from '../cases/submission';
import type { DeskDb } from '../db/connection';
import type { Clock } from '../clock';
import type { Role, Service, Status } from '../../../shared/domain';
import { SERVICES, isCardService, isDocumentService } from '../../../shared/domain';
import { TERMS } from '../../../shared/domain/terms';
import { createUser, getUser } from '../auth/users';
import { approveRefund, computeCaseRefund, recordPayout } from '../finance/refunds';
import { appendAudit } from '../audit/chain';
import { withCheckDigit } from '../identity/national-id';
import { SeededRandom } from './random';
import { makeDemoFiles, type DemoFile } from './attachment-files';
import { resubmittedVersion } from './resubmitted-file';
import { demoAttachments } from './attachment-plan';
import { ownPdf, ownPhoto } from './own-files';
import { plantSignals } from './signals-planted';
import { seedCpdAudit } from './cpd-audit';
import { demoEmployerLetter } from './ocr-letters';
import { currentPolicy } from '../policy';
import { fillMissingDueDays } from '../cases/sla-due';
import { issueInvoice } from '../finance/invoices';
import { quoteFee } from '../finance/fees';
import { importReconciliationFile } from '../finance/payments-import';
import { loadCardSigner, type CardSigner } from '../documents/card-signing';
import { demoPaymentFile, type DemoBill } from './payment-file';
import { FACILITIES, FAMILY, FEMALE_FIRST, MALE_FIRST, RESIDENTS } from './names';
import { addDays, riyadhDate } from '../cases/working-days';
import { seedCard } from './cards';
import { recordSeededOverrides } from './seeded-overrides';
import { applicantFromRecord } from '../cases/applicant-snapshot';
import { searchText } from '../cases/search-text';
import type { BlobStore } from '../blobs/blob-store';
import { databaseStore } from '../blobs/database-store';
import { putBeforeCommit, recordBlob } from '../blobs/attachment-blobs';

/** The demo users; README prints their password. Never created outside demo data. */
export const DEMO_PASSWORD = 'mumaris-demo';
export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; roles: Role[] }> = [
  { username: 'admin', displayName: 'مشرف النظام', roles: ['admin', 'approver', 'reviewer'] },
  { username: 'reviewer1', displayName: 'سارة القحطاني', roles: ['reviewer'] },
  { username: 'reviewer2', displayName: 'Fahad Alotaibi', roles: ['reviewer'] },
  { username: 'approver1', displayName: 'خالد الدوسري', roles: ['approver', 'reviewer'] },
  { username: 'finance1', displayName: 'نورة الشمري', roles: ['finance'] },
  { username: 'finance2', displayName: 'Abdulaziz Alghamdi', roles: ['finance'] },
  { username: 'clerk1', displayName: 'Majed Alharbi', roles: ['card_clerk'] },
];

/** Status mix of a working desk (weights). */
const STATUS_WEIGHTS: ReadonlyArray<readonly [Status, number]> = [
  ['submitted', 30],
  ['in_review', 10],
  ['returned', 8],
  ['resubmitted', 5],
  ['awaiting_second_signature', 3],
  ['awaiting_payment', 8],
  ['ready_to_print', 6],
  ['printed', 3],
  ['delivered', 8],
  ['document_issued', 4],
  ['rejected', 6],
  ['withdrawn', 2],
  ['approved', 2],
];
const SERVICE_WEIGHTS: ReadonlyArray<readonly [Service, number]> = SERVICES.map(
  (s) => [s, s === 'RENEWAL' ? 12 : s.startsWith('CLASSIFICATION') || s === 'REGISTRATION' ? 6 : 2] as const,
);

function weighted<T>(rng: SeededRandom, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1]![0];
}

/** The status a request of this service may really be in (letters are never printed, etc.). */
function fitStatus(service: Service, status: Status): Status {
  const card = isCardService(service);
  const doc = isDocumentService(service);
  // An inquiry is answered and closed, never approved, invoiced or printed.
  if (service === 'INQUIRY')
    return ['submitted', 'in_review', 'returned', 'resubmitted', 'rejected', 'withdrawn'].includes(status) ? status : 'answered';
  if (!card && ['ready_to_print', 'printed', 'delivered'].includes(status)) return doc ? 'document_issued' : 'approved';
  if (!doc && status === 'document_issued') return card ? 'delivered' : 'approved';
  if (!card && !doc && status === 'awaiting_payment') return 'approved';
  // Approval moves a card or document request on at once (to payment, or past it): it never rests at approved.
  if ((card || doc) && status === 'approved') return 'awaiting_payment';
  return status;
}

/** The actions that lead from submission to `status`, for a believable history. */
function pathTo(status: Status, freeOfCharge: boolean): Array<[action: string, to: Status]> {
  const review: Array<[string, Status]> = [['claim', 'in_review']];
  const approved: Array<[string, Status]> = [...review, ['approve', 'approved']];
  const paid: Array<[string, Status]> = [...approved, ['request_payment', 'awaiting_payment']];
  if (freeOfCharge && ['ready_to_print', 'printed', 'delivered', 'document_issued'].includes(status)) {
    const issued = approved.concat([['no_fee', status === 'document_issued' ? 'document_issued' : 'ready_to_print']]);
    if (status === 'printed') return [...issued, ['print_card', 'printed']];
    if (status === 'delivered') return [...issued, ['print_card', 'printed'], ['record_delivery', 'delivered']];
    return issued;
  }
  switch (status) {
    case 'submitted':
      return [];
    case 'in_review':
      return review;
    case 'returned':
      return [...review, ['return_to_applicant', 'returned']];
    case 'resubmitted':
      return [...review, ['return_to_applicant', 'returned'], ['resubmit', 'resubmitted']];
    case 'awaiting_second_signature':
      return [...review, ['approve', 'awaiting_second_signature']];
    case 'approved':
      return approved;
    case 'awaiting_payment':
      return paid;
    case 'ready_to_print':
      return [...paid, ['record_payment', 'ready_to_print']];
    case 'printed':
      return [...paid, ['record_payment', 'ready_to_print'], ['print_card', 'printed']];
    case 'delivered':
      return [...paid, ['record_payment', 'ready_to_print'], ['print_card', 'printed'], ['record_delivery', 'delivered']];
    case 'document_issued':
      return [...paid, ['record_payment', 'document_issued']];
    case 'rejected':
      return [...review, ['reject', 'rejected']];
    case 'withdrawn':
      return [['withdraw', 'withdrawn']];
    case 'answered':
      return [...review, ['answer', 'answered']];
  }
}

export interface SeedOptions {
  cases: number;
  seed: number;
  /** Signs the letters issued when the demo's payments arrive; the desk's own signer (a throwaway one if absent). */
  signer?: CardSigner;
  /** Where the attachments' bytes go: the desk's blob store (Desk.blobs); the database's rows if absent. */
  blobs?: BlobStore;
}

/**
 * Where the money path takes over from the seed: requests meant to be ready to print or to have their
 * document issued are seeded awaiting payment, and the demo's reconciliation file moves them on.
 */
const SETTLED_BY_PAYMENT: readonly Status[] = ['ready_to_print', 'document_issued'];

export async function ensureDemoUsers(db: DeskDb, clock: Clock): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const u of DEMO_USERS) {
    const existing = await db.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
    ids.set(u.username, existing ? existing.id : (await createUser(db, clock, { ...u, password: DEMO_PASSWORD }, null)).id);
  }
  return ids;
}

/**
 * The refund candidates the payments made, taken along the finance desk's own steps so every stage of the
 * Refunds page has work: some computed by finance1, some of those approved by finance2, some paid out.
 */
async function workDemoRefunds(db: DeskDb, clock: Clock, rng: SeededRandom, users: Map<string, number>): Promise<void> {
  const maker = { user: (await getUser(db, users.get('finance1')!))!, clock };
  const checker = { user: (await getUser(db, users.get('finance2')!))!, clock };
  const open = await db.selectFrom('refunds').select(['id', 'request_id']).where('status', '=', 'requested').orderBy('id').execute();
  const today = riyadhDate(clock.now());
  for (const r of open) {
    if (rng.chance(0.4)) continue;
    await computeCaseRefund(db, maker, r.request_id, today, []);
    if (rng.chance(0.4)) continue;
    await approveRefund(db, checker, r.id);
    if (rng.chance(0.5)) continue;
    await recordPayout(db, checker, r.id, `SARIE-${today.replaceAll('-', '')}-${rng.digits(6)}`);
  }
}

export async function seedDemo(db: DeskDb, clock: Clock, opts: SeedOptions): Promise<{ requests: number }> {
  const rng = new SeededRandom(opts.seed);
  const users = await ensureDemoUsers(db, clock);
  const reviewers = ['reviewer1', 'reviewer2', 'approver1'].map((u) => users.get(u)!);
  const now = clock.now();
  const today = riyadhDate(now);
  const professions = Object.entries(TERMS.professions);
  const questions = TERMS.questionnaire.map((q) => q.id);
  const year = now.getUTCFullYear();
  const existing = Number(
    (
      await db
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

  const firstNewId =
    Number(
      (
        await db
          .selectFrom('requests')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirst()
      )?.m ?? 0,
    ) + 1;
  const files = await makeDemoFiles(rng, FACILITIES);
  // A pool file goes into the store the first time a request uses it, before the transaction naming it commits.
  const blobs = opts.blobs ?? databaseStore(db);
  const stored = new Set<string>();
  const { version: policyVersion, policy } = await currentPolicy(db, now.toISOString());
  const bills: DemoBill[] = [];
  const BATCH = 500;
  for (let start = 0; start < opts.cases; start += BATCH) {
    await db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(opts.cases, start + BATCH); i++) {
        const n = existing + i + 1;
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
        // Whether the fee schedule asks anything of this service and employer decides if it waits for money at all.
        const freeOfCharge = quoteFee({ service, submittedAt: today, card: null, employerType, category: null }, policy).totalHalalas === 0;
        const status: Status =
          target === 'awaiting_payment' && freeOfCharge
            ? isCardService(service)
              ? 'ready_to_print'
              : isDocumentService(service)
                ? 'document_issued'
                : 'approved'
            : SETTLED_BY_PAYMENT.includes(target) && !freeOfCharge
              ? 'awaiting_payment'
              : target;
        // Requests waiting for money were approved lately (their bill not yet due); a few long ago (the sweep
        // rejects those unpaid at the desk's start).
        const back = status === 'submitted' ? 20 : status === 'awaiting_payment' ? (rng.chance(0.04) ? rng.int(20, 30) : rng.int(1, 9)) : 75;
        const submittedDay = addDays(today, -rng.int(0, back));
        const submittedAt = `${submittedDay}T${String(rng.int(5, 14)).padStart(2, '0')}:${rng.digits(2).replace(/^[6-9]/, '5')}:00.000Z`;
        const [professionKey, prof] = rng.pick(professions);
        const spec = rng.pick(prof.specialties) as [string, string];
        // A rank the profession has: no pharmacist is a "general practitioner", no dentist a "senior technician".
        const category = rng.pick(categoriesFor(professionKey));
        // A bijection of the request number: unique, yet random-looking, at any size.
        const idNumber = withCheckDigit(`${resident ? 2 : 1}${String((n * 7_368_787 + 1_234_567) % 100_000_000).padStart(8, '0')}`);
        const birthYear = rng.chance(0.06) ? year - rng.int(65, 70) : year - rng.int(25, 60);
        // Mostly inside the renewal window; about one in ten filed too early, a few late.
        const expiresAt = addDays(submittedDay, rng.int(-10, 100));
        const applicant = {
          id_type: resident ? 'iqama' : 'national_id',
          id_number: idNumber,
          id_expiry: resident ? addDays(today, rng.int(30, 700)) : null,
          name_ar: nameAr,
          name_en: nameEn,
          nationality,
          birth_date: `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
          gender: female ? 'female' : 'male',
          email: `${nameEn.split(' ')[0]!.toLowerCase()}.${n}@example.com`,
          // A few typed their mobile without the leading 5.
          mobile: rng.chance(0.02) ? `+9661${rng.digits(8)}` : `+9665${rng.digits(8)}`,
          // Only someone not yet registered has no number: a first registration until it is approved.
          registration_number:
            (service === 'REGISTRATION' || service === 'CLASSIFICATION_OUTSIDE') && NOT_YET_REGISTERED.includes(status)
              ? null
              : `${rng.int(10, 24)}R${rng.pick(['M', 'N', 'P', 'D', 'T'])}${rng.digits(7)}`,
          profession: prof.en,
          specialty: spec[1],
          category,
          card_number: service === 'RENEWAL' || service === 'CARD_REPLACEMENT' ? `C-${year - 3}-${rng.digits(6)}` : null,
          card_issued_at: service === 'RENEWAL' || service === 'CARD_REPLACEMENT' ? addDays(expiresAt, -3 * 365) : null,
          card_expires_at: service === 'RENEWAL' || service === 'CARD_REPLACEMENT' ? expiresAt : null,
        };
        const { id: practitionerId } = await trx.insertInto('practitioners').values(applicant).returning('id').executeTakeFirstOrThrow();
        const activityHours = Array.from({ length: rng.int(0, 3) }, () => rng.int(2, 12));
        const cpdFromActivities = activityHours.reduce((a, b) => a + b, 0);
        const path = pathTo(status, freeOfCharge);
        const assignee = status === 'in_review' || status === 'awaiting_second_signature' ? rng.pick(reviewers) : null;
        const reference = `REQ-${submittedDay.slice(0, 4)}-${String(n).padStart(6, '0')}`;
        const { id: requestId } = await trx
          .insertInto('requests')
          .values({
            reference,
            service,
            status,
            version: path.length,
            practitioner_id: practitionerId,
            submitted_at: submittedAt,
            assignee_id: assignee,
            employer_type: employerType,
            employer_facility: rng.pick(FACILITIES),
            internship_completed: rng.chance(0.9) ? 1 : 0,
            // About one in eight short of the category's hours.
            cpd_recorded_hours: Math.max(0, (policy.cpdHours[category] ?? 20) - (rng.chance(0.12) ? rng.int(4, 12) : 0) - cpdFromActivities),
            applicant_snapshot: JSON.stringify(applicantFromRecord({ ...applicant, id: practitionerId })),
            return_due_at: status === 'returned' ? addDays(submittedDay, 30 + rng.int(0, 10)) : null,
            decided_at: null,
            policy_version: 1,
            updated_at: submittedAt,
            search_text: searchText(reference, { nameAr, nameEn, idNumber, mobile: applicant.mobile }),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        let from: Status = 'submitted';
        await recordSubmission(trx, requestId, submittedAt);
        const actor = assignee ?? rng.pick(reviewers);
        const actionAt = new Map<string, string>();
        let clockMs = new Date(submittedAt).getTime();
        let step = 0;
        for (const [action, to] of path) {
          // Each step a few hours to a day after the one before.
          clockMs += 3600_000 * rng.int(2, 30);
          // Never in the future: a recent request's steps crowd into the last minutes before now.
          clockMs = Math.min(clockMs, now.getTime() - (path.length - step++) * 60_000);
          const at = new Date(clockMs).toISOString();
          actionAt.set(action, at);
          const rejected = action === 'reject';
          await trx
            .insertInto('status_history')
            .values({
              request_id: requestId,
              action,
              from_status: from,
              to_status: to,
              actor_id: action === 'resubmit' || action === 'withdraw' ? null : actor,
              at,
              reason_code: rejected ? rng.pick(['ineligible', 'documents_invalid', 'duplicate']) : null,
              reason: null,
              policy_version: 1,
            })
            .execute();
          if (action === 'return_to_applicant') {
            await trx
              .insertInto('notes')
              .values({
                request_id: requestId,
                kind: 'to_applicant',
                text: rng.pick([
                  'يرجى إرفاق خطاب تعريف من جهة العمل بتاريخ حديث لا يتجاوز ثلاثة أشهر.',
                  'يرجى إرفاق التقرير الطبي المطلوب لمن بلغ 65 عاماً.',
                  'ساعات التطوير المهني المسجلة أقل من المطلوب؛ يرجى إضافة الشهادات.',
                ]),
                author_id: actor,
                at,
              })
              .execute();
          }
          from = to;
        }
        for (const q of questions)
          await trx
            .insertInto('questionnaire_answers')
            .values({ request_id: requestId, question_id: q, answer: rng.chance(0.01) ? 1 : 0 })
            .execute();
        const invoicedAt = actionAt.get('request_payment');
        if (invoicedAt) {
          // The invoice approval issues (number, SADAD bill, lines from the fee schedule, due day); its money comes later, from the file.
          const quote = quoteFee(
            {
              service,
              submittedAt,
              card: applicant.card_expires_at ? { expiresAt: applicant.card_expires_at } : null,
              employerType,
              category,
            },
            policy,
          );
          const invoice = await issueInvoice(trx, { requestId, at: invoicedAt, actorId: actor, pv: { version: policyVersion, policy }, quote });
          const paidBefore = actionAt.get('record_payment');
          const settles = SETTLED_BY_PAYMENT.includes(target) && status === 'awaiting_payment';
          const paidAt = paidBefore
            ? new Date(new Date(paidBefore).getTime() - rng.int(10, 300) * 60_000).toISOString()
            : settles || rng.chance(0.15)
              ? new Date(Math.min(now.getTime() - 60_000, new Date(invoicedAt).getTime() + rng.int(1, 48) * 3600_000)).toISOString()
              : null;
          bills.push({
            invoiceNumber: invoice.number,
            sadadBillNumber: invoice.sadadBillNumber,
            totalHalalas: invoice.totalHalalas,
            paidAt,
            // Paid part of it: the request keeps waiting, showing what is left.
            partial: paidAt !== null && !paidBefore && !settles,
          });
        }
        const printedAt = actionAt.get('print_card');
        if (printedAt)
          await seedCard(trx, {
            requestId,
            practitionerId,
            printedAt,
            deliveredAt: actionAt.get('record_delivery') ?? null,
            rng,
            policy,
            clerk: users.get('clerk1') ?? null,
          });
        for (const hours of activityHours) {
          await trx
            .insertInto('cpd_activities')
            .values({
              request_id: requestId,
              title: rng.pick(['BLS', 'ACLS', 'Infection Control', 'Patient Safety', 'Pain Management']),
              provider: rng.pick(['SCFHS', 'SHA', 'MOH Academy']),
              hours,
              date: addDays(submittedDay, -rng.int(10, 300)),
              kind: 'course',
            })
            .execute();
        }
        let resubmitted: { kind: string; first: DemoFile } | null = null;
        for (const a of demoAttachments(rng, service, { resident, aged: year - birthYear >= 65, internship: true, submittedDay })) {
          const f =
            a.kind === 'photo'
              ? ownPhoto(n, files.photo().fileName)
              : a.kind === 'employer_letter' && a.issuedAt
                ? await demoEmployerLetter(opts.seed, n, a.issuedAt)
                : ownPdf(files.letter(a.kind), n, submittedAt);
          if (!resubmitted && a.kind !== 'photo' && a.kind !== 'employer_letter') resubmitted = { kind: a.kind, first: f };
          if (!stored.has(f.sha256)) await putBeforeCommit(blobs, [f]);
          stored.add(f.sha256);
          await recordBlob(trx, blobs, f);
          await trx
            .insertInto('attachments')
            .values({
              request_id: requestId,
              kind: a.kind,
              file_name: f.fileName,
              sha256: f.sha256,
              version: 1,
              issued_at: a.issuedAt ?? null,
              certified: a.kind === 'bachelor_certificate' ? 1 : null,
              uploaded_at: submittedAt,
            })
            .execute();
        }
        // A resubmitted request came back with a new version of a document (round 2): the viewer sets it beside the first.
        if (status === 'resubmitted' && resubmitted) {
          const resubmittedAt = new Date(Date.parse(submittedAt) + 5 * 86_400_000).toISOString();
          const f = await resubmittedVersion(resubmitted.first, resubmittedAt);
          if (!stored.has(f.sha256)) await putBeforeCommit(blobs, [f]);
          stored.add(f.sha256);
          await recordBlob(trx, blobs, f);
          await trx
            .insertInto('attachments')
            .values({
              request_id: requestId,
              kind: resubmitted.kind,
              file_name: f.fileName,
              sha256: f.sha256,
              version: 2,
              issued_at: null,
              uploaded_at: resubmittedAt,
            })
            .execute();
        }
        await trx
          .insertInto('experiences')
          .values({
            request_id: requestId,
            employer: applicant.nationality === 'SA' ? rng.pick(FACILITIES) : rng.pick(FACILITIES),
            position: spec[1],
            from_date: `${year - rng.int(2, 15)}-01-01`,
            to_date: null,
            country: 'SA',
            added_at: submittedAt,
          })
          .execute();
      }
    });
  }
  // The money arrives as a gateway's reconciliation file, imported as finance imports one: paid requests move
  // on, some pay part, a few pay too much or twice (refund candidates), a few lines match no bill.
  if (bills.length > 0) {
    const file = demoPaymentFile(rng, bills, Math.max(1, Math.round(bills.length / 60)));
    await importReconciliationFile(
      db,
      { actorId: users.get('finance1')!, now: () => now, signer: opts.signer ?? loadCardSigner(null) },
      `demo-reconciliation-${today}.csv`,
      file,
    );
    await workDemoRefunds(db, clock, rng, users);
  }
  // The CPD audit's month: a few renewals at risk, and the sample drawn with its seed recorded (demo/cpd-audit.ts).
  await seedCpdAudit(db, clock, { seed: opts.seed, blobs, drawnBy: users.get('approver1')! });
  // The integrity signals: the seeded requests indexed, namesakes renamed, each signal planted a few times (#20).
  await plantSignals(db, clock, { blobs, seed: opts.seed, firstId: firstNewId });
  await recordSeededOverrides(db, clock, firstNewId);
  // Each open request's SLA due day from its seeded history: the older ones are overdue, as on a real desk.
  await fillMissingDueDays(db, now.toISOString());
  await appendAudit(db, {
    at: now.toISOString(),
    actorId: null,
    action: 'demo.seed',
    entity: 'database',
    entityId: null,
    data: { cases: opts.cases, seed: opts.seed },
  });
  return { requests: opts.cases };
}

/** The ranks each profession is classified in (domain.md: category is the practitioner's rank in their profession). */
const CATEGORIES_BY_PROFESSION: Record<string, string[]> = {
  physician: ['consultant', 'senior_specialist', 'specialist', 'resident', 'general_practitioner'],
  dentist: ['consultant', 'senior_specialist', 'specialist', 'resident'],
  pharmacist: ['consultant', 'senior_specialist', 'specialist'],
  nurse: ['senior_specialist', 'specialist', 'senior_technician', 'technician'],
  allied: ['senior_specialist', 'specialist', 'senior_technician', 'technician'],
};

export function categoriesFor(profession: string): string[] {
  return CATEGORIES_BY_PROFESSION[profession] ?? Object.keys(TERMS.categories);
}

/** A first registration's practitioner is registered (and has a number) once the request is approved: not before, nor if refused. */
const NOT_YET_REGISTERED: readonly string[] = [
  'submitted',
  'in_review',
  'returned',
  'resubmitted',
  'awaiting_second_signature',
  'rejected',
  'withdrawn',
];
