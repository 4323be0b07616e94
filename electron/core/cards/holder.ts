import { categoryLabel, professionLabel, specialtyLabel } from '../../../shared/domain';
import type { HolderFacts } from '../documents/holder-facts';
import type { PractitionerRow } from '../db/schema';

/** What a card or an issued document prints about its holder, read from `practitioners as p`. */
export const HOLDER_COLUMNS = [
  'p.name_ar',
  'p.name_en',
  'p.id_type',
  'p.id_number',
  'p.registration_number',
  'p.profession',
  'p.specialty',
  'p.category',
] as const;

export type HolderRow = Pick<
  PractitionerRow,
  'name_ar' | 'name_en' | 'id_type' | 'id_number' | 'registration_number' | 'profession' | 'specialty' | 'category'
>;

export function holderFacts(r: HolderRow): HolderFacts {
  return {
    nameAr: r.name_ar,
    nameEn: r.name_en,
    idType: r.id_type,
    idNumber: r.id_number,
    registrationNumber: r.registration_number,
    profession: professionLabel(r.profession),
    specialty: specialtyLabel(r.specialty),
    category: categoryLabel(r.category),
  };
}
