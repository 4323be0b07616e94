/** Letters and cards for the tests that render them: what a test does not name is a physician's, issued on 23 November 2026. */
import type { CardFacts } from '../card-facts';
import type { CardSigner } from '../card-signing';
import type { LetterFacts } from '../letters/letter-facts';

const PHYSICIAN = {
  idType: 'national_id',
  registrationNumber: '12RM0034567',
  profession: { ar: 'طب بشري', en: 'Physician' },
  specialty: { ar: 'باطنة', en: 'Internal Medicine' },
  category: { ar: 'استشاري', en: 'Consultant' },
};

/** A clinical pharmacist's registration, for tests that want a holder other than the physician. */
export const PHARMACIST = {
  registrationNumber: '12RP0034567',
  profession: { ar: 'صيدلة', en: 'Pharmacist' },
  specialty: { ar: 'صيدلة إكلينيكية', en: 'Clinical Pharmacy' },
  category: { ar: 'أخصائي', en: 'Specialist' },
};

/** The facts a test must name (`K`), and any other it wants to differ. */
type Named<T, K extends keyof T> = Pick<T, K> & Partial<T>;

/** A letter whose QR `signer` signs over its reference, holder and date, unless the test gives its own. */
export function testLetter(signer: CardSigner, facts: Named<LetterFacts, 'nameAr' | 'nameEn' | 'idNumber' | 'gender' | 'service'>): LetterFacts {
  const letter = { ...PHYSICIAN, reference: 'REQ-2026-000123', issuedAt: '2026-11-23', facility: 'مستشفى الملك فهد', ...facts };
  return { ...letter, qr: facts.qr ?? signer.payload({ kind: 'D', number: letter.reference, holderId: letter.idNumber, date: letter.issuedAt }) };
}

/** A card, valid three years, whose QR `signer` signs over its number, holder and expiry, unless the test gives its own. */
export function testCard(signer: CardSigner, facts: Named<CardFacts, 'nameAr' | 'nameEn' | 'idNumber' | 'number'>): CardFacts {
  const card = { ...PHYSICIAN, issuedAt: '2026-11-23', expiresAt: '2029-11-23', photo: null, replacement: false, ...facts };
  return { ...card, qr: facts.qr ?? signer.payload({ kind: 'C', number: card.number, holderId: card.idNumber, date: card.expiresAt }) };
}
