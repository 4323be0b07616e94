import type { DeliveryState } from '../../../shared/domain';

/** The delivery states as refusals name them, in both languages. */
export const DELIVERY_STATE_WORDS: Record<DeliveryState, { ar: string; en: string }> = {
  queued: { ar: 'في الانتظار', en: 'queued' },
  sending: { ar: 'قيد الإرسال', en: 'being sent' },
  sent: { ar: 'مرسلة', en: 'sent' },
  failed: { ar: 'متعثرة', en: 'failed' },
  dead: { ar: 'متوقفة بعد استنفاد المحاولات', en: 'dead' },
  cancelled: { ar: 'ملغاة', en: 'cancelled' },
};
