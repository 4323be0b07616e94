/** The outbox and the proof of each try to deliver it (0110). */
import type { Generated } from 'kysely';
import type { DeliveryChannel, DeliveryOutcome, DeliveryState } from '../../../../shared/domain';

export interface OutboxTable {
  id: Generated<number>;
  request_id: number | null;
  to_address: string;
  kind: string;
  subject_ar: string;
  subject_en: string;
  body_ar: string;
  body_en: string;
  created_at: string;
  sent_at: string | null;
  /** Delivery (0110): one row per channel; the worker's claim, back-off and proof. */
  channel: Generated<DeliveryChannel>;
  state: Generated<DeliveryState>;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  last_error: string | null;
  relay_answer: string | null;
  /** The Message-ID every try of this row carries (<outbox-ID.uuid@mumaris-desk>); unique. */
  message_id: string;
  claimed_by: string | null;
  /** When the claim's lease ends: a 'sending' row past it is tried again. */
  claimed_until: string | null;
  /** The PDF to attach: 'letter' (the request's issued document, documents/letters/issued-letters.ts); null for none. */
  attachment: 'letter' | null;
  /** An SMS: the e-mail it copies (one copy each, made by the delivery worker). */
  copy_of: number | null;
}
export interface DeliveryAttemptsTable {
  id: Generated<number>;
  outbox_id: number;
  at: string;
  outcome: DeliveryOutcome;
  detail: string;
  /** The admin who resent or cancelled; null for the worker. */
  by_user_id: number | null;
}
