/**
 * The overrides of failed checks on one request. An approver overrides inside the first approval: the
 * approval's history row keeps the rules it overrode (reason code `override:RULE,RULE`) and the written
 * justification (reason). Only the latest approval counts: a request sent back and approved again is
 * judged afresh.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CheckOverride } from '../../../shared/domain';

const PREFIX = 'override:';

/** The reason code an approval records for the rules it overrides. */
export const overrideCode = (rules: readonly string[]): string => `${PREFIX}${rules.join(',')}`;

/** The rules a reason code names as overridden (none for any other code). */
export function overriddenRules(reasonCode: string | null): string[] {
  return reasonCode?.startsWith(PREFIX) ? reasonCode.slice(PREFIX.length).split(',').filter(Boolean) : [];
}

/** The overrides recorded by the request's latest approval, one per rule, with who, when and why. */
export async function checkOverrides(db: Kysely<Database> | Transaction<Database>, requestId: number): Promise<CheckOverride[]> {
  const approval = await db
    .selectFrom('status_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.at', 'h.reason', 'h.reason_code', 'h.actor_id', 'u.display_name'])
    .where('h.request_id', '=', requestId)
    .where('h.action', '=', 'approve')
    .orderBy('h.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!approval) return [];
  return overriddenRules(approval.reason_code).map((rule) => ({
    rule,
    at: approval.at,
    by: approval.actor_id === null ? null : { id: approval.actor_id, displayName: approval.display_name ?? '' },
    justification: approval.reason ?? '',
  }));
}
