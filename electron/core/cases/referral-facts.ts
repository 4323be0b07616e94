/** The request's open question as the action rules judge it (allowed-actions.ts `openReferral`). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { OpenReferralFact } from './action-subject';

export async function openReferralFact(db: Kysely<Database> | Transaction<Database>, requestId: number): Promise<OpenReferralFact | null> {
  const row = await db
    .selectFrom('referrals')
    .select(['asked_by', 'addressee_id'])
    .where('request_id', '=', requestId)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return row ? { askedBy: row.asked_by, addresseeId: row.addressee_id } : null;
}
