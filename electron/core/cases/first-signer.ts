/**
 * Who signed first (requests.first_signer_id, migration 0260) for requests written outside the life cycle's steps:
 * the demo's seeds insert requests with their status and history as they stand, then settle the column from that
 * history here, as the migration did for the rows it found. Every step afterwards keeps it (apply-transition.ts).
 */
import { sql } from 'kysely';
import type { DeskDb } from '../db/connection';
import type { Trx } from '../db/transaction';

export async function settleFirstSigners(db: DeskDb | Trx): Promise<void> {
  await sql`UPDATE requests SET first_signer_id = (
      SELECT h.actor_id FROM status_history h WHERE h.request_id = requests.id AND h.action = 'approve' ORDER BY h.id DESC LIMIT 1
    ) WHERE status = 'awaiting_second_signature'`.execute(db);
}
