/**
 * Imports one validated bundle, all or nothing: a new request, or the
 * resubmission of a returned one. One transaction holds the request, its files,
 * history, audit entry; any error leaves the database as it was.
 */
import { recordSubmission } from '../cases/submission';
import { keepDueDay } from '../cases/sla-due';
import type { DeskDb } from '../db/connection';
import type { Clock } from '../time/clock';
import type { Applicant } from '../../../shared/domain';
import { appendAudit } from '../audit/chain';
import { applyTransition, type Trx } from '../cases/apply-transition';
import { recordFromApplicant } from '../cases/applicant-snapshot';
import { searchText } from '../cases/search-text';
import { BundleError, problem } from './bundle-error';
import type { ValidBundle } from './validate-bundle';
import { serialise } from '../db/dialect';
import { lastHistory } from '../cases/last-history';
import type { BlobStore } from '../blobs/blob-store';
import { databaseStore } from '../blobs/database-store';
import { putBeforeCommit, recordBlob } from '../blobs/attachment-blobs';
import { indexSignals } from '../signals/index-request';

export interface ImportResult {
  bundle: string;
  reference: string;
  requestId: number;
  resubmission: boolean;
  attachments: number;
}

function applicantOf(b: ValidBundle['request']): Applicant {
  const a = b.applicant;
  return {
    nameAr: a.nameAr,
    nameEn: a.nameEn,
    nationality: a.nationality,
    idType: a.idType,
    idNumber: a.idNumber,
    idExpiry: a.idExpiry,
    birthDate: a.birthDate,
    gender: a.gender,
    email: a.email,
    mobile: a.mobile,
    registrationNumber: a.registrationNumber ?? null,
    profession: a.profession,
    specialty: a.specialty,
    category: a.category,
    card: a.card ?? null,
  };
}

/** The next free reference of the submission year: REQ-YYYY-NNNNNN. */
async function nextReference(trx: Trx, year: string): Promise<string> {
  // Desks sharing a PostgreSQL database take numbers one at a time, until the taker commits.
  await serialise(trx, 'request-reference');
  const last = await trx
    .selectFrom('requests')
    .select('reference')
    .where('reference', 'like', `REQ-${year}-%`)
    .orderBy('reference', 'desc')
    .limit(1)
    .executeTakeFirst();
  const n = last ? Number(last.reference.slice(9)) + 1 : 1;
  return `REQ-${year}-${String(n).padStart(6, '0')}`;
}

async function storeFiles(trx: Trx, blobs: BlobStore, requestId: number, b: ValidBundle, at: string): Promise<number> {
  // Identical files are stored once, whoever sent them; their bytes were put into the store before this transaction.
  for (const f of b.files.values()) await recordBlob(trx, blobs, f);
  // An attachment's version is the submission round it came with: 1 first, 2 after the first return, …
  const resubmissions = await trx
    .selectFrom('status_history')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('request_id', '=', requestId)
    .where('action', '=', 'resubmit')
    .executeTakeFirstOrThrow();
  const version = Number(resubmissions.n) + 1;
  for (const a of b.request.attachments) {
    const path = a.file.replace(/\\/g, '/').replace(/^\.\//, '');
    const file = b.files.get(path)!;
    await trx
      .insertInto('attachments')
      .values({
        request_id: requestId,
        kind: a.kind,
        file_name: path.split('/').pop()!,
        sha256: file.sha256,
        version,
        issued_at: a.issuedAt ?? null,
        certified: a.certified === undefined || a.certified === null ? null : a.certified ? 1 : 0,
        uploaded_at: at,
      })
      .execute();
  }
  return b.request.attachments.length;
}

async function storeDetails(trx: Trx, requestId: number, b: ValidBundle, at: string): Promise<void> {
  const r = b.request;
  // The questionnaire and CPD are re-declared whole with each submission.
  await trx.deleteFrom('questionnaire_answers').where('request_id', '=', requestId).execute();
  for (const q of r.questionnaire) {
    await trx
      .insertInto('questionnaire_answers')
      .values({ request_id: requestId, question_id: q.id, answer: q.answer === null ? null : q.answer ? 1 : 0 })
      .onConflict((oc) => oc.columns(['request_id', 'question_id']).doUpdateSet({ answer: q.answer === null ? null : q.answer ? 1 : 0 }))
      .execute();
  }
  await trx.deleteFrom('cpd_activities').where('request_id', '=', requestId).execute();
  for (const c of r.cpd.activities)
    await trx
      .insertInto('cpd_activities')
      .values({ request_id: requestId, title: c.title, provider: c.provider, hours: c.hours, date: c.date, kind: c.kind })
      .execute();
  // Experiences and notes accumulate: a resubmission adds to them (000: the three tabs).
  const known = await trx.selectFrom('experiences').select(['employer', 'position', 'from_date']).where('request_id', '=', requestId).execute();
  for (const e of r.experiences) {
    if (known.some((k) => k.employer === e.employer && k.position === e.position && k.from_date === e.from)) continue;
    await trx
      .insertInto('experiences')
      .values({
        request_id: requestId,
        employer: e.employer,
        position: e.position,
        from_date: e.from,
        to_date: e.to,
        country: e.country,
        added_at: at,
      })
      .execute();
  }
  for (const n of r.notes)
    await trx
      .insertInto('notes')
      .values({ request_id: requestId, kind: 'from_applicant', text: n.text, author_id: null, at: new Date(n.at).toISOString() })
      .execute();
}

/**
 * `blobs`: the desk's blob store (Desk.blobs); a bare database (tests) keeps the bytes in its rows.
 * The files are put into the store before the transaction: a crash leaves a blob without a row, never a row without its blob.
 */
export async function importBundle(db: DeskDb, clock: Clock, b: ValidBundle, blobs: BlobStore = databaseStore(db)): Promise<ImportResult> {
  const at = clock.now().toISOString();
  const r = b.request;
  const applicant = applicantOf(r);
  await putBeforeCommit(blobs, b.files.values());
  return db.transaction().execute(async (trx) => {
    const existing = r.reference ? await trx.selectFrom('requests').selectAll().where('reference', '=', r.reference).executeTakeFirst() : undefined;
    if (existing && existing.status !== 'returned') {
      throw new BundleError(b.name, [
        problem(
          'reference',
          `${r.reference} exists already in status "${existing.status}"; only a returned request can be resubmitted`,
          `الطلب ${r.reference} موجود بحالة "${existing.status}"؛ لا يعاد تقديم إلا الطلب المعاد للممارس`,
        ),
      ]);
    }
    if (existing && existing.service !== r.service) {
      throw new BundleError(b.name, [
        problem(
          'service',
          `the resubmission of ${r.reference} is for ${r.service}, but the request is ${existing.service}`,
          `نوع الخدمة في إعادة التقديم لا يطابق الطلب ${r.reference}`,
        ),
      ]);
    }
    const row = {
      employer_type: r.employer?.type ?? null,
      employer_facility: r.employer?.facility ?? null,
      internship_completed: r.internshipCompleted === undefined || r.internshipCompleted === null ? null : r.internshipCompleted ? 1 : 0,
      cpd_recorded_hours: r.cpd.recordedHours,
      applicant_snapshot: JSON.stringify(applicant),
    };

    if (existing) {
      // Back to the reviewer who returned it, in the Resubmitted queue.
      const returner = await lastHistory(trx, existing.id, { action: 'return_to_applicant' });
      await trx
        .updateTable('requests')
        .set({ ...row, search_text: searchText(existing.reference, applicant) })
        .where('id', '=', existing.id)
        .execute();
      await applyTransition(trx, {
        requestId: existing.id,
        expectedVersion: existing.version,
        action: 'resubmit',
        actorId: null,
        at,
        set: { assignee_id: returner?.actor_id ?? null, return_due_at: null },
      });
      const attachments = await storeFiles(trx, blobs, existing.id, b, at);
      await storeDetails(trx, existing.id, b, at);
      await indexSignals(trx, existing.id, applicant, b);
      await appendAudit(trx, {
        at,
        actorId: null,
        action: 'request.resubmitted_bundle',
        entity: 'request',
        entityId: existing.id,
        data: {
          reference: existing.reference,
          bundle: b.name,
          files: [...b.files.values()].map((f) => f.sha256),
          previousApplicant: JSON.parse(existing.applicant_snapshot),
        },
      });
      return { bundle: b.name, reference: existing.reference, requestId: existing.id, resubmission: true, attachments };
    }

    // The commission's record follows what practitioners submit, except a data update, which changes it only when approved.
    const record = recordFromApplicant(applicant);
    const known = await trx
      .selectFrom('practitioners')
      .select('id')
      .where('id_type', '=', applicant.idType)
      .where('id_number', '=', applicant.idNumber)
      .executeTakeFirst();
    let practitionerId: number;
    if (known) {
      practitionerId = known.id;
      if (r.service !== 'DATA_UPDATE') await trx.updateTable('practitioners').set(record).where('id', '=', known.id).execute();
    } else {
      practitionerId = (await trx.insertInto('practitioners').values(record).returning('id').executeTakeFirstOrThrow()).id;
    }
    const reference = r.reference ?? (await nextReference(trx, r.submittedAt.slice(0, 4)));
    const submittedAt = new Date(r.submittedAt).toISOString();
    const { id } = await trx
      .insertInto('requests')
      .values({
        ...row,
        reference,
        service: r.service,
        status: 'submitted',
        version: 0,
        practitioner_id: practitionerId,
        submitted_at: submittedAt,
        assignee_id: null,
        return_due_at: null,
        decided_at: null,
        policy_version: null,
        updated_at: at,
        search_text: searchText(reference, applicant),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordSubmission(trx, id, submittedAt);
    await keepDueDay(trx, { id, service: r.service, status: 'submitted', submitted_at: submittedAt, sla_due_on: null }, at);
    const attachments = await storeFiles(trx, blobs, id, b, at);
    await storeDetails(trx, id, b, at);
    await indexSignals(trx, id, applicant, b);
    await appendAudit(trx, {
      at,
      actorId: null,
      action: 'request.imported',
      entity: 'request',
      entityId: id,
      data: { reference, bundle: b.name, service: r.service, files: [...b.files.values()].map((f) => f.sha256) },
    });
    return { bundle: b.name, reference, requestId: id, resubmission: false, attachments };
  });
}
