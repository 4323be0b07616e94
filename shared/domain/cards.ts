/** Cards: their stored states, the print centre's rows, delivery and verifying a card's QR code. */
import type { Service } from './services';

/** active: the holder's card; void: replaced or withdrawn. */
export const CARD_STATUSES = ['active', 'void'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** What verifying a card's QR code says (no sign-in needed: anyone holding the card can check it). */
export type CardVerification =
  | { verdict: 'forged' }
  | {
      verdict: 'valid' | 'expired' | 'void';
      /** A card's number, or an issued document's reference. */
      number: string;
      kind?: 'card' | 'document';
      /** For a document: the service that issued it. */
      service?: Service;
      holder?: { nameAr: string; nameEn: string; idMasked: string };
      issuedAt?: string;
      expiresAt?: string;
      reason?: 'replaced' | 'withdrawn' | 'not_on_record';
      replacedBy?: string;
    };

/** A request in the print centre. */
export interface PrintQueueRow {
  id: number;
  version: number;
  reference: string;
  service: string;
  status: string;
  nameAr: string;
  nameEn: string;
  idNumber: string;
  cardNumber: string | null;
  printedAt: string | null;
  prints: number;
  delivery: CardDelivery | null;
}

export type CardDelivery =
  { method: 'mail'; trackingNumber: string; at: string } | { method: 'branch'; branch: string; receiverName: string; at: string };
