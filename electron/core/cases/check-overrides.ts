/**
 * The overrides of failed checks on one request. An approver overrides inside the first approval: the
 * approval's history row keeps the rules it overrode (reason code `override:RULE,RULE`) and the written
 * justification (reason). Only the latest approval counts: a request sent back and approved again is
 * judged afresh.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CheckOverride } from '../../../shared/domain';
import { lastHistory } from './last-history';

const PREFIX = 'override:';

/** The reason code an approval records for the rules it overrides. */
export const overrideCode = (rules: readonly string[]): string => `${PREFIX}${rules.join(',')}`;

/** The rules a reason code names as overridden (none for any other code). */
export function overriddenRules(reasonCode: string | null): string[] {
  return reasonCode?.startsWith(PREFIX) ? reasonCode.slice(PREFIX.length).split(',').filter(Boolean) : [];
}

/** The overrides recorded by the request's latest approval, one per rule, with who, when and why. */
export async function checkOverrides(db: Kysely<Database> | Transaction<Database>, requestId: number): Promise<CheckOverride[]> {
  const approval = await lastHistory(db, requestId, { action: 'approve' });
  if (!approval || overriddenRules(approval.reason_code).length === 0) return [];
  // The approver's name as it is now; read only when there is an override to show.
  const name =
    approval.actor_id === null
      ? null
      : ((await db.selectFrom('users').select('display_name').where('id', '=', approval.actor_id).executeTakeFirst())?.display_name ?? null);
  return overridesOf({ ...approval, display_name: name });
}

/** The overrides an approval step records, its approver named as `display_name` (a case view has read both with its history). */
export function overridesOf(
  approval: { at: string; actor_id: number | null; reason: string | null; reason_code: string | null; display_name: string | null } | undefined,
): CheckOverride[] {
  const rules = overriddenRules(approval?.reason_code ?? null);
  if (!approval || rules.length === 0) return [];
  const by = approval.actor_id === null ? null : { id: approval.actor_id, displayName: approval.display_name ?? '' };
  return rules.map((rule) => ({ rule, at: approval.at, by, justification: approval.reason ?? '' }));
}
