import type { HolderFacts } from '../holder-facts';
import type { Service } from '../../../../shared/domain';

/** Everything printed on an issued letter or certificate. */
export interface LetterFacts extends HolderFacts {
  service: Service;
  reference: string;
  /** YYYY-MM-DD */
  issuedAt: string;
  /** Where a training letter is addressed, when the request names it. */
  facility: string | null;
  qr: string;
  /** The holder's, for Arabic agreement (الممارس / الممارسة, مسجل / مسجلة …). */
  gender: 'male' | 'female';
}
