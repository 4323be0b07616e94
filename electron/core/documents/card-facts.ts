import type { Bilingual } from '../../../shared/domain';

/** Everything printed on one classification card. */
export interface CardFacts {
  number: string;
  /** YYYY-MM-DD */
  issuedAt: string;
  expiresAt: string;
  nameAr: string;
  nameEn: string;
  idType: string;
  idNumber: string;
  registrationNumber: string | null;
  profession: Bilingual;
  specialty: Bilingual;
  category: Bilingual;
  photo: { bytes: Uint8Array; mime: string; sha256: string } | null;
  /** The signed QR payload. */
  qr: string;
  /** A replacement for a lost card (بدل فاقد). */
  replacement: boolean;
}

export const ID_TYPE_LABELS: Record<string, Bilingual> = {
  national_id: { ar: 'رقم الهوية الوطنية', en: 'National ID' },
  iqama: { ar: 'رقم الإقامة', en: 'Iqama No.' },
  passport: { ar: 'رقم الجواز', en: 'Passport No.' },
};
