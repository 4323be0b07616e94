import terms from './terms.json';

/** A text in both of the desk's languages. */
export interface Bilingual {
  ar: string;
  en: string;
}

/** The reviewed Arabic/English wording of the handbook (data/terms.json), one source for UI, documents and demo data. */
export const TERMS = terms;
