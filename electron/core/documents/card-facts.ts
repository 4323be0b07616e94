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
  /**
   * A preview before the clerk confirms printing: marked across both sides, with no QR code and, for a
   * first print, no number yet (one is issued only when printing is confirmed). It cannot pass as a card.
   */
  preview?: boolean;
}
