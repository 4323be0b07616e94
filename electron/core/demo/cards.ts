/** Demo cards for requests the seed has printed (and delivered), so the print centre and the Verify page have history. */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Policy } from '../../../shared/domain/policy';
import type { SeededRandom } from './random';
import { riyadhDate } from '../time/riyadh-day';
import { nextCardNumber } from '../cards/issue-card';
import { plusMonths } from '../time/day-arithmetic';

export interface CardSeed {
  requestId: number;
  practitionerId: number;
  printedAt: string;
  deliveredAt: string | null;
  rng: SeededRandom;
  policy: Policy;
  clerk: number | null;
}

const BRANCHES = ['الرياض', 'جدة', 'الدمام', 'المدينة المنورة', 'أبها'];

export async function seedCard(trx: Transaction<Database>, s: CardSeed): Promise<void> {
  const issuedAt = riyadhDate(s.printedAt);
  const number = await nextCardNumber(trx, issuedAt);
  const expiresAt = plusMonths(issuedAt, 12 * s.policy.cardValidityYears);
  const delivery = s.deliveredAt
    ? s.rng.chance(0.6)
      ? { method: 'mail', trackingNumber: `SPL${s.rng.digits(9)}`, at: s.deliveredAt }
      : { method: 'branch', branch: s.rng.pick(BRANCHES), receiverName: 'صاحب البطاقة', at: s.deliveredAt }
    : null;
  const { id } = await trx
    .insertInto('cards')
    .values({
      request_id: s.requestId,
      number,
      issued_at: issuedAt,
      expires_at: expiresAt,
      status: 'active',
      replaces_card_id: null,
      printed_at: s.printedAt,
      delivery: delivery ? JSON.stringify(delivery) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('card_prints').values({ card_id: id, at: s.printedAt, actor_id: s.clerk, layout: 'cr80', reason: null }).execute();
  await trx
    .updateTable('practitioners')
    .set({ card_number: number, card_issued_at: issuedAt, card_expires_at: expiresAt })
    .where('id', '=', s.practitionerId)
    .execute();
}
