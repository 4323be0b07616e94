import { categoryLabel, professionLabel, specialtyLabel, type Bilingual } from '../../../shared/domain';

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

export interface HolderRow {
  name_ar: string;
  name_en: string;
  id_type: string;
  id_number: string;
  registration_number: string | null;
  profession: string;
  specialty: string;
  category: string;
}

export function holderFacts(r: HolderRow): {
  nameAr: string;
  nameEn: string;
  idType: string;
  idNumber: string;
  registrationNumber: string | null;
  profession: Bilingual;
  specialty: Bilingual;
  category: Bilingual;
} {
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
