import type { HolderFacts } from './holder-facts';

/** Everything printed on one classification card. */
export interface CardFacts extends HolderFacts {
  number: string;
  /** YYYY-MM-DD */
  issuedAt: string;
  expiresAt: string;
  photo: { bytes: Uint8Array; mime: string; sha256: string } | null;
  /** The signed QR payload. */
  qr: string;
  /** A replacement for a lost card (بدل فاقد). */
  replacement: boolean;
}
