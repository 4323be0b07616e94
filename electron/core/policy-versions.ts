/**
 * The policy's versions as admins see and edit them: each saved version with who saved it, when, why
 * (the note) and what it changed from the version before. Saving is refused when another admin has saved
 * since the version the editor started from: the second admin reloads and sees the first one's changes.
 */
import type { DeskDb } from './db/connection';
import type { Clock } from './clock';
import type { Policy, PolicyVersionView, UserInfo } from '../../shared/domain';
import { SERVICES } from '../../shared/domain';
import { DeskFault } from './errors';
import { appendAudit } from './audit/chain';
import { serialise } from './db/dialect';
import { currentPolicy, policySchema, samplePolicy, shownPolicyNote } from './policy';

type Change = PolicyVersionView['changes'][number];

/** A stored version read as the desk applies it: a field added since it was saved takes its sample default. */
const asApplied = (data: string): Policy => policySchema.parse({ ...samplePolicy(), ...(JSON.parse(data) as object) });

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

/** Every version, newest first, each with its changes from the one before. */
export async function policyHistory(db: DeskDb, at: string): Promise<PolicyVersionView[]> {
  await currentPolicy(db, at); // a new database gets its first version here
  const rows = await db
    .selectFrom('policy')
    .leftJoin('users', 'users.id', 'policy.created_by')
    .select(['policy.version', 'policy.data', 'policy.note', 'policy.created_at', 'users.display_name'])
    .orderBy('policy.version')
    .execute();
  const views: PolicyVersionView[] = [];
  let before: Policy | null = null;
  for (const r of rows) {
    const policy = asApplied(r.data);
    views.push({
      version: r.version,
      policy,
      note: shownPolicyNote(r.note),
      createdAt: r.created_at,
      createdBy: r.display_name ?? null,
      changes: before ? policyChanges(before, policy) : [],
    });
    before = policy;
  }
  return views.reverse();
}

export async function policyInForce(db: DeskDb, at: string): Promise<PolicyVersionView> {
  const { version } = await currentPolicy(db, at);
  const rows = await db
    .selectFrom('policy')
    .leftJoin('users', 'users.id', 'policy.created_by')
    .select(['policy.version', 'policy.data', 'policy.note', 'policy.created_at', 'users.display_name'])
    .where('policy.version', '<=', version)
    .orderBy('policy.version', 'desc')
    .limit(2)
    .execute();
  const [now, before] = rows;
  const policy = asApplied(now!.data);
  return {
    version: now!.version,
    policy,
    note: shownPolicyNote(now!.note),
    createdAt: now!.created_at,
    createdBy: now!.display_name ?? null,
    changes: before ? policyChanges(asApplied(before.data), policy) : [],
  };
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

/** Saves `policy` as the next version, if `basedOnVersion` is still the newest; audited with its changes. */
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
    const latest = await trx.selectFrom('policy').select(['version', 'data']).orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
    if (latest.version !== input.basedOnVersion)
      throw new DeskFault(
        'conflict',
        `the policy was saved by someone else since version ${input.basedOnVersion} (now version ${latest.version}); reload it and make your change again`,
        `حفظ مستخدم آخر السياسة بعد النسخة ${input.basedOnVersion} (الحالية ${latest.version})؛ أعد تحميلها وأعد التعديل`,
      );
    const changes = policyChanges(asApplied(latest.data), input.policy);
    if (changes.length === 0)
      throw new DeskFault('bad_input', 'policy: nothing changed from the version in force', 'policy: لم يتغير شيء عن النسخة السارية');
    const next = latest.version + 1;
    await trx
      .insertInto('policy')
      .values({ version: next, data: JSON.stringify(input.policy), note: input.note, created_by: a.user.id, created_at: at })
      .execute();
    await appendAudit(trx, {
      at,
      actorId: a.user.id,
      action: 'policy.update',
      entity: 'policy',
      entityId: next,
      data: { version: next, basedOn: input.basedOnVersion, note: input.note, changes },
    });
    return next;
  });
  const view = (await policyHistory(db, at)).find((v) => v.version === version);
  return view!;
}
