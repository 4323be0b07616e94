import type { Bilingual } from '../../../shared/domain';

/** Everything printed on an issued letter or certificate. */
export interface LetterFacts {
  service: string;
  reference: string;
  /** YYYY-MM-DD */
  issuedAt: string;
  nameAr: string;
  nameEn: string;
  idType: string;
  idNumber: string;
  registrationNumber: string | null;
  profession: Bilingual;
  specialty: Bilingual;
  category: Bilingual;
  /** Where a training letter is addressed, when the request names it. */
  facility: string | null;
  qr: string;
}
