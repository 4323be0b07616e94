/**
 * The policy's versions as admins see and edit them: each saved version with who saved it, when, why
 * (the note) and what it changed from the version before. Saving proposes a version; it takes effect when a
 * second admin activates it. Saving is refused when another admin has saved since the version the editor
 * started from (the second admin reloads and sees the first one's changes), or while a proposal waits.
 */
import type { DeskDb } from '../db/connection';
import type { Clock } from '../time/clock';
import type { Policy, PolicyVersionView, UserInfo } from '../../../shared/domain';
import { SERVICES } from '../../../shared/domain';
import { DeskFault } from '../errors';
import { appendAudit } from '../audit/chain';
import { serialise } from '../db/dialect';
import { activePolicyRow, appliedPolicy, currentPolicy } from './current-policy';
import { shownPolicyNote } from './sample-policy';

type Change = PolicyVersionView['changes'][number];

/** A stored version read as the desk applies it: a field added since it was saved takes its sample default. */
const asApplied = (data: string): Policy => appliedPolicy(data);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Dotted paths whose value differs (`fees.RENEWAL.service`); a list is one value, compared whole. */
export function policyChanges(before: unknown, after: unknown, path = ''): Change[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => policyChanges(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, from: before ?? null, to: after ?? null }];
}

type VersionRow = {
  version: number;
  data: string;
  note: string;
  created_at: string;
  status: 'proposed' | 'active' | 'withdrawn';
  activated_at: string | null;
  proposer: string | null;
  activator: string | null;
};

async function versionRows(db: DeskDb): Promise<VersionRow[]> {
  return db
    .selectFrom('policy')
    .leftJoin('users as p', 'p.id', 'policy.created_by')
    .leftJoin('users as a', 'a.id', 'policy.activated_by')
    .select([
      'policy.version',
      'policy.data',
      'policy.note',
      'policy.created_at',
      'policy.status',
      'policy.activated_at',
      'p.display_name as proposer',
      'a.display_name as activator',
    ])
    .orderBy('policy.version')
    .execute();
}

/**
 * Every version, newest first. Each one's changes are from the version in force before it: for a proposal,
 * what activating it would change.
 */
export async function policyHistory(db: DeskDb, at: string): Promise<PolicyVersionView[]> {
  await currentPolicy(db, at); // a new database gets its first version here
  const rows = await versionRows(db);
  const inForce = Math.max(...rows.filter((r) => r.status === 'active').map((r) => r.version));
  const views: PolicyVersionView[] = [];
  let before: Policy | null = null;
  for (const r of rows) {
    const policy = asApplied(r.data);
    views.push({
      version: r.version,
      policy,
      note: shownPolicyNote(r.note),
      createdAt: r.created_at,
      createdBy: r.proposer ?? null,
      state: r.status === 'active' ? (r.version === inForce ? 'in_force' : 'superseded') : r.status,
      activatedBy: r.status === 'active' ? (r.activator ?? null) : null,
      activatedAt: r.status === 'active' ? r.activated_at : null,
      changes: before ? policyChanges(before, policy) : [],
    });
    if (r.status === 'active') before = policy;
  }
  return views.reverse();
}

export async function policyInForce(db: DeskDb, at: string): Promise<PolicyVersionView> {
  return (await policyHistory(db, at)).find((v) => v.state === 'in_force')!;
}

/** What the schema cannot say: fees and four-eyes name real services. */
function refuseUnknownServices(policy: Policy): void {
  for (const service of Object.keys(policy.fees)) {
    if (!(SERVICES as readonly string[]).includes(service))
      throw new DeskFault('bad_input', `policy.fees.${service}: no service has this code`, `policy.fees.${service}: لا توجد خدمة بهذا الرمز`);
  }
  const ids = new Set<string>();
  for (const [i, e] of policy.feeExemptions.entries()) {
    if (ids.has(e.id))
      throw new DeskFault('bad_input', `policy.feeExemptions.${i}.id: "${e.id}" is used twice`, `policy.feeExemptions.${i}.id: الرمز "${e.id}" مكرر`);
    ids.add(e.id);
  }
}

/**
 * Proposes `policy` as the next version, if `basedOnVersion` is still the version in force and no other
 * proposal waits; it takes effect only when another admin activates it (activation.ts). Audited with its changes.
 */
export async function updatePolicy(
  db: DeskDb,
  a: { user: UserInfo; clock: Clock },
  input: { basedOnVersion: number; policy: Policy; note: string },
): Promise<PolicyVersionView> {
  const at = a.clock.now().toISOString();
  refuseUnknownServices(input.policy);
  await currentPolicy(db, at);
  const version = await db.transaction().execute(async (trx) => {
    // Two admins saving at once: one at a time here (PostgreSQL), and the version key refuses a second N+1.
    await serialise(trx, 'policy');
    const waiting = await trx.selectFrom('policy').select('version').where('status', '=', 'proposed').executeTakeFirst();
    if (waiting)
      throw new DeskFault(
        'conflict',
        `version ${waiting.version} is proposed and waits for a second administrator; activate or withdraw it before proposing another`,
        `النسخة ${waiting.version} مقترحة وتنتظر مشرفاً ثانياً؛ فعّلها أو اسحبها قبل اقتراح غيرها`,
      );
    const inForce = await activePolicyRow(trx);
    if (!inForce) throw new Error('the database has no policy in force');
    if (inForce.version !== input.basedOnVersion)
      throw new DeskFault(
        'conflict',
        `the policy was saved by someone else since version ${input.basedOnVersion} (now version ${inForce.version}); reload it and make your change again`,
        `حفظ مستخدم آخر السياسة بعد النسخة ${input.basedOnVersion} (الحالية ${inForce.version})؛ أعد تحميلها وأعد التعديل`,
      );
    const changes = policyChanges(asApplied(inForce.data), input.policy);
    if (changes.length === 0)
      throw new DeskFault('bad_input', 'policy: nothing changed from the version in force', 'policy: لم يتغير شيء عن النسخة السارية');
    const newest = await trx.selectFrom('policy').select('version').orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
    const next = newest.version + 1;
    await trx
      .insertInto('policy')
      .values({ version: next, data: JSON.stringify(input.policy), note: input.note, created_by: a.user.id, created_at: at, status: 'proposed' })
      .execute();
    await appendAudit(trx, {
      at,
      actorId: a.user.id,
      action: 'policy.update',
      entity: 'policy',
      entityId: next,
      data: { version: next, basedOn: input.basedOnVersion, note: input.note, changes, state: 'proposed' },
    });
    return next;
  });
  const view = (await policyHistory(db, at)).find((v) => v.version === version);
  return view!;
}
