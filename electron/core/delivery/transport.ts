/**
 * One adapter shape for every way a message leaves the desk (SMTP, an SMS gateway, the demo's
 * capture folder): another gateway is another object of this shape.
 */
import type { DeliveryChannel } from '../../../shared/domain';

/** One outbox message as it is handed to a transport. */
export interface OutgoingMessage {
  channel: DeliveryChannel;
  /** An e-mail address or a mobile number. */
  to: string;
  subjectAr: string;
  subjectEn: string;
  bodyAr: string;
  bodyEn: string;
  /** <outbox-ID.uuid@mumaris-desk>: the same on every try of one outbox row. */
  messageId: string;
  attachment: { fileName: string; content: Uint8Array } | null;
}

export interface Transport {
  channel: DeliveryChannel;
  /** Resolves with the relay's answer once it accepted the message; rejects with the reason otherwise. */
  send(message: OutgoingMessage): Promise<{ answer: string }>;
}
