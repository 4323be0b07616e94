import type { Bilingual } from '../../../shared/domain';

/** Who a card or an issued document belongs to, as printed on it. */
export interface HolderFacts {
  nameAr: string;
  nameEn: string;
  idType: string;
  idNumber: string;
  registrationNumber: string | null;
  profession: Bilingual;
  specialty: Bilingual;
  category: Bilingual;
}

/** How each kind of identity document is labelled beside its number. */
export const ID_TYPE_LABELS: Record<string, Bilingual> = {
  national_id: { ar: 'رقم الهوية الوطنية', en: 'National ID' },
  iqama: { ar: 'رقم الإقامة', en: 'Iqama No.' },
  passport: { ar: 'رقم الجواز', en: 'Passport No.' },
};
