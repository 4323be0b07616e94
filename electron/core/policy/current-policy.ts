import type { DeskDb } from '../db/connection';
import { policySchema, type Policy } from '../../../shared/domain/policy';
import { SAMPLE_POLICY_NOTE, samplePolicy } from './sample-policy';

/**
 * A stored version as the desk applies it: a field added to the policy after it was saved takes its sample
 * default until an admin sets it, in nested groups (cpdAudit) too, not only at the top level.
 */
export function appliedPolicy(data: string): Policy {
  // Every queue page and case view reads the policy in force, and its validation costs more than the page's own
  // queries (issue #18): a stored version is validated once and shared, frozen so no reader changes it for another.
  const known = applied.get(data);
  if (known) return known;
  const stored = JSON.parse(data) as Partial<Policy>;
  const sample = samplePolicy();
  const policy = deepFreeze(policySchema.parse({ ...sample, ...stored, cpdAudit: { ...sample.cpdAudit, ...(stored.cpdAudit ?? {}) } }));
  if (applied.size >= APPLIED_KEPT) applied.delete(applied.keys().next().value!);
  applied.set(data, policy);
  return policy;
}

/** Stored versions already validated, by their text: the one in force, a proposal, the history's few. */
const applied = new Map<string, Policy>();
const APPLIED_KEPT = 32;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export interface PolicyVersion {
  version: number;
  policy: Policy;
}

/** The newest activated policy row: the version in force and its stored data (none on a database never given one). */
export function activePolicyRow(db: DeskDb) {
  return db.selectFrom('policy').select(['version', 'data']).where('status', '=', 'active').orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** The policy in force (the newest activated version; a proposal waits for a second admin); a new database gets the sample policy as version 1. */
export async function currentPolicy(db: DeskDb, at: string): Promise<PolicyVersion> {
  const row = await activePolicyRow(db);
  // A field added to the policy after this version was saved takes its sample default until an admin sets it.
  if (row) return { version: row.version, policy: appliedPolicy(row.data) };
  const policy = samplePolicy();
  await db
    .insertInto('policy')
    .values({ version: 1, data: JSON.stringify(policy), note: SAMPLE_POLICY_NOTE, created_by: null, created_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { version: 1, policy };
}
