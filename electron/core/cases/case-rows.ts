/**
 * A request's own rows that both its checks and its case view read: questionnaire answers, CPD activities and
 * attachments. Read once for a case view (issue #18: the checks used to read them and the view again).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, RequestRow } from '../db/schema';
import type { RequestFacts } from '../rules/types';
import { buildFacts } from './request-facts';

type Db = Kysely<Database> | Transaction<Database>;

export type CaseRows = Awaited<ReturnType<typeof caseRows>>;

/** The rows, each list in the order the case view shows it. */
export async function caseRows(db: Db, requestId: number) {
  const [answers, activities, attachments] = await Promise.all([
    db.selectFrom('questionnaire_answers').select(['question_id', 'answer']).where('request_id', '=', requestId).orderBy('question_id').execute(),
    db
      .selectFrom('cpd_activities as a')
      // An activity refused in a CPD audit is not recognised (cpd/decide-activity.ts).
      .leftJoin('cpd_activity_decisions as d', 'd.activity_id', 'a.id')
      .select(['a.id', 'a.title', 'a.provider', 'a.hours', 'a.date', 'a.kind', 'd.decision'])
      .where('a.request_id', '=', requestId)
      .orderBy('a.date')
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('attachments as a')
      .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
      .select(['a.id', 'a.kind', 'a.file_name', 'a.sha256', 'a.version', 'a.issued_at', 'a.uploaded_at', 'a.certified', 'b.mime', 'b.size'])
      .where('a.request_id', '=', requestId)
      .orderBy('a.id')
      .execute(),
  ]);
  return { answers, activities, attachments };
}

/** What the eligibility checks read, from the rows (as requestFactsFromDb reads it: activities by id). */
export function factsOfRows(req: RequestRow, rows: CaseRows): RequestFacts {
  return buildFacts(req, {
    answers: rows.answers,
    activities: [...rows.activities].sort((x, y) => x.id - y.id).map((x) => ({ hours: x.hours, refused: x.decision === 'refused' })),
    attachments: rows.attachments.map((x) => ({ id: x.id, kind: x.kind, issued_at: x.issued_at, certified: x.certified })),
  });
}
