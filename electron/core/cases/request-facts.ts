import type { DeskDb } from '../db/connection';
import type { RequestRow } from '../db/schema';
import type { RequestFacts } from '../rules/types';
import { loadRequest } from './apply-transition';
import { parseSnapshot } from './applicant-snapshot';

interface FactRows {
  answers: Array<{ question_id: string; answer: number | null }>;
  activities: Array<{ hours: number; refused?: boolean }>;
  attachments: Array<{ id: number; kind: string; issued_at: string | null; certified: number | null }>;
}

/** Facts from a request row and its child rows, as submitted (every attachment version; rules take the newest where dates matter). */
export function buildFacts(
  req: Pick<
    RequestRow,
    'service' | 'submitted_at' | 'applicant_snapshot' | 'employer_type' | 'employer_facility' | 'internship_completed' | 'cpd_recorded_hours'
  >,
  rows: FactRows,
): RequestFacts {
  const a = parseSnapshot(req.applicant_snapshot);
  return {
    service: req.service,
    submittedAt: req.submitted_at,
    applicant: {
      nationality: a.nationality,
      idType: a.idType,
      idNumber: a.idNumber,
      idExpiry: a.idExpiry,
      birthDate: a.birthDate,
      email: a.email,
      mobile: a.mobile,
      category: a.category,
      card: a.card,
    },
    employer: { type: req.employer_type, facility: req.employer_facility },
    internshipCompleted: req.internship_completed === null ? null : req.internship_completed === 1,
    questionnaire: rows.answers.map((q) => ({ id: q.question_id, answer: q.answer === null ? null : q.answer === 1 })),
    cpd: { recordedHours: req.cpd_recorded_hours, activities: rows.activities.map((x) => ({ hours: x.hours, refused: x.refused === true })) },
    attachments: rows.attachments.map((x) => ({
      id: x.id,
      kind: x.kind,
      issuedAt: x.issued_at,
      certified: x.certified === null ? null : x.certified === 1,
    })),
  };
}

/** What the eligibility checks read about one stored request. */
export async function requestFactsFromDb(db: DeskDb, request: number | RequestRow): Promise<RequestFacts> {
  // A decision passes the row it has just read in its own transaction, so the checks judge that very row.
  const req = typeof request === 'number' ? await loadRequest(db, request) : request;
  const requestId = req.id;
  const [answers, activities, attachments] = await Promise.all([
    db.selectFrom('questionnaire_answers').select(['question_id', 'answer']).where('request_id', '=', requestId).orderBy('question_id').execute(),
    // An activity refused in a CPD audit is not recognised (cpd/decide-activity.ts).
    db
      .selectFrom('cpd_activities as a')
      .leftJoin('cpd_activity_decisions as d', 'd.activity_id', 'a.id')
      .select(['a.hours', 'd.decision'])
      .where('a.request_id', '=', requestId)
      .execute()
      .then((rows) => rows.map((r) => ({ hours: r.hours, refused: r.decision === 'refused' }))),
    db.selectFrom('attachments').select(['id', 'kind', 'issued_at', 'certified']).where('request_id', '=', requestId).orderBy('id').execute(),
  ]);
  return buildFacts(req, { answers, activities, attachments });
}

/** Facts of every request in a few queries, for batch checks (the dashboard, the benchmark). */
export async function allRequestFacts(db: DeskDb): Promise<RequestFacts[]> {
  const group = <T extends { request_id: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) (m.get(r.request_id) ?? m.set(r.request_id, []).get(r.request_id)!).push(r);
    return m;
  };
  const [requests, answers, activities, attachments] = await Promise.all([
    db
      .selectFrom('requests')
      .select([
        'id',
        'service',
        'submitted_at',
        'applicant_snapshot',
        'employer_type',
        'employer_facility',
        'internship_completed',
        'cpd_recorded_hours',
      ])
      .orderBy('id')
      .execute(),
    db
      .selectFrom('questionnaire_answers')
      .select(['request_id', 'question_id', 'answer'])
      .orderBy('request_id')
      .orderBy('question_id')
      .execute()
      .then(group),
    db
      .selectFrom('cpd_activities as a')
      .leftJoin('cpd_activity_decisions as d', 'd.activity_id', 'a.id')
      .select(['a.request_id', 'a.hours', 'd.decision'])
      .execute()
      .then((rows) => group(rows.map((r) => ({ request_id: r.request_id, hours: r.hours, refused: r.decision === 'refused' })))),
    db.selectFrom('attachments').select(['request_id', 'id', 'kind', 'issued_at', 'certified']).orderBy('id').execute().then(group),
  ]);
  return requests.map((r) =>
    buildFacts(r, { answers: answers.get(r.id) ?? [], activities: activities.get(r.id) ?? [], attachments: attachments.get(r.id) ?? [] }),
  );
}
