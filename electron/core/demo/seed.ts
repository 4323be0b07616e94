/**
 * Demo data: users of every role and N realistic requests spread over the
 * statuses and the last weeks, so every queue has work. Same seed, same data.
 */
import { recordSubmission } from '../cases/submission';
import type { DeskDb } from '../db/connection';
import type { InsertablePractitionerRow } from '../db/schema';
import type { Clock } from '../time/clock';
import type { Role, Status } from '../../../shared/domain';
import { isCardService, isDocumentService } from '../../../shared/domain';
import { TERMS } from '../../../shared/domain/terms';
import { createUser } from '../auth/users';
import { appendAudit } from '../audit/chain';
import { withCheckDigit } from '../identity/national-id';
import { SeededRandom } from './random';
import { makeDemoFiles } from './attachment-files';
import { plantSignals } from './signals-planted';
import { seedCpdAudit } from './cpd-audit';
import { currentPolicy } from '../policy/current-policy';
import { fillMissingDueDays } from '../cases/sla-due';
import { settleFirstSigners } from '../cases/first-signer';
import { quoteFee } from '../finance/fees';
import { importReconciliationFile } from '../finance/payments-import';
import { loadCardSigner, type CardSigner } from '../documents/card-signing';
import { demoPaymentFile, type DemoBill } from './payment-file';
import { FACILITIES, FAMILY, FEMALE_FIRST, MALE_FIRST, RESIDENTS } from './names';
import { addDays } from '../time/day-arithmetic';
import { demoFiledAt } from './filed-at';
import { riyadhDate } from '../time/riyadh-day';
import { seedCard } from './cards';
import { seedHistory } from './seeded-history';
import { seedAttachments } from './seeded-attachments';
import { seedInvoice } from './seeded-invoice';
import { recordSeededOverrides } from './seeded-overrides';
import { applicantFromRecord } from '../cases/applicant-snapshot';
import { searchText } from '../cases/search-text';
import type { BlobStore } from '../blobs/blob-store';
import { databaseStore } from '../blobs/database-store';
import { STATUS_WEIGHTS, SERVICE_WEIGHTS, weighted, fitStatus, pathTo, SETTLED_BY_PAYMENT, categoriesFor, NOT_YET_REGISTERED } from './request-mix';
import { workDemoRefunds } from './worked-refunds';

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

export interface SeedOptions {
  cases: number;
  seed: number;
  /** Signs the letters issued when the demo's payments arrive; the desk's own signer (a throwaway one if absent). */
  signer?: CardSigner;
  /** Where the attachments' bytes go: the desk's blob store (Desk.blobs); the database's rows if absent. */
  blobs?: BlobStore;
}

export async function ensureDemoUsers(db: DeskDb, clock: Clock): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const u of DEMO_USERS) {
    const existing = await db.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
    ids.set(u.username, existing ? existing.id : (await createUser(db, clock, { ...u, password: DEMO_PASSWORD }, null)).id);
  }
  return ids;
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
  const counted = await db
    .selectFrom('requests')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('m')])
    .executeTakeFirstOrThrow();
  const existing = Number(counted.n);
  const firstNewId = Number(counted.m ?? 0) + 1;
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
        const { day: submittedDay, at: submittedAt } = demoFiledAt(rng, today, back, now);
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
        } satisfies InsertablePractitionerRow;
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
        await recordSubmission(trx, requestId, submittedAt);
        const actor = assignee ?? rng.pick(reviewers);
        const actionAt = await seedHistory(trx, rng, { requestId, path, submittedAt, actor, now });
        for (const q of questions)
          await trx
            .insertInto('questionnaire_answers')
            .values({ request_id: requestId, question_id: q, answer: rng.chance(0.01) ? 1 : 0 })
            .execute();
        const invoicedAt = actionAt.get('request_payment');
        if (invoicedAt)
          bills.push(
            await seedInvoice(trx, rng, {
              requestId,
              invoicedAt,
              paidBefore: actionAt.get('record_payment'),
              settles: SETTLED_BY_PAYMENT.includes(target) && status === 'awaiting_payment',
              actor,
              now,
              pv: { version: policyVersion, policy },
              fee: {
                service,
                submittedAt,
                card: applicant.card_expires_at ? { expiresAt: applicant.card_expires_at } : null,
                employerType,
                category,
              },
            }),
          );
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
        await seedAttachments(
          trx,
          { blobs, stored, files, rng, seed: opts.seed },
          { requestId, n, service, status, resident, aged: year - birthYear >= 65, submittedDay, submittedAt },
        );
        await trx
          .insertInto('experiences')
          .values({
            request_id: requestId,
            employer: rng.pick(FACILITIES),
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
  await settleFirstSigners(db);
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
