/**
 * What a proposed policy version would change before it takes effect (issue #20): every waiting request
 * (not yet decided) is checked and priced under the version in force and under the proposal; the list names
 * each request whose check outcomes or fee would differ, rule by rule, and the fee from → to.
 */
import type { DeskDb } from '../db/connection';
import type { PolicyWhatIf, PolicyWhatIfRow, Status } from '../../../shared/domain';
import { DeskFault, notFound } from '../errors';
import { checkEligibility } from '../rules/eligibility';
import { requestFactsFromDb } from '../cases/request-facts';
import { quoteFee, type FeeFacts } from '../finance/fees';
import { parseSnapshot } from '../cases/applicant-snapshot';
import { appliedPolicy, currentPolicy } from './current-policy';

/** Not decided yet: a decision (approve, reject) records the version it used, so only these can still change. */
const WAITING_STATUSES: readonly Status[] = ['submitted', 'in_review', 'returned', 'resubmitted', 'awaiting_second_signature'];

export async function policyWhatIf(db: DeskDb, version: number, at: string): Promise<PolicyWhatIf> {
  const inForce = await currentPolicy(db, at);
  const row = await db.selectFrom('policy').select(['data', 'status']).where('version', '=', version).executeTakeFirst();
  if (!row) throw notFound(`policy version ${version}`, `نسخة السياسة ${version}`, 'feminine');
  if (row.status !== 'proposed')
    throw new DeskFault(
      'bad_input',
      `version: policy version ${version} is not a waiting proposal`,
      `version: نسخة السياسة ${version} ليست مقترحاً ينتظر`,
    );
  const proposed = appliedPolicy(row.data);
  const waiting = await db.selectFrom('requests').selectAll().where('status', 'in', WAITING_STATUSES).orderBy('submitted_at').orderBy('id').execute();
  const rows: PolicyWhatIfRow[] = [];
  for (const req of waiting) {
    const facts = await requestFactsFromDb(db, req);
    const before = checkEligibility(facts, inForce.policy);
    const after = new Map(checkEligibility(facts, proposed).map((r) => [r.rule, r.outcome]));
    const checks = before
      .filter((b) => (after.get(b.rule) ?? 'not_applicable') !== b.outcome)
      .map((b) => ({ rule: b.rule, from: b.outcome, to: after.get(b.rule) ?? 'not_applicable' }));
    // Priced from the row already read, as quoteRequestFee would: one query fewer per waiting request.
    const a = parseSnapshot(req.applicant_snapshot);
    const feeFacts: FeeFacts = {
      service: req.service,
      submittedAt: req.submitted_at,
      card: a.card ? { expiresAt: a.card.expiresAt } : null,
      employerType: req.employer_type,
      category: a.category ?? null,
    };
    const [feeFrom, feeTo] = [quoteFee(feeFacts, inForce.policy), quoteFee(feeFacts, proposed)];
    const fee = feeFrom.totalHalalas === feeTo.totalHalalas ? null : { from: feeFrom.totalHalalas, to: feeTo.totalHalalas };
    if (checks.length > 0 || fee) rows.push({ requestId: req.id, reference: req.reference, service: req.service, status: req.status, checks, fee });
  }
  return { version, inForce: inForce.version, waiting: waiting.length, rows };
}
