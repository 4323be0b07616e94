import { TERMS } from './terms';
import type { Bilingual } from './terms';

const professions = Object.values(TERMS.professions) as Array<{ ar: string; en: string; specialties: [string, string][] }>;
const categories = TERMS.categories as Record<string, { ar: string; en: string }>;

/** A profession as stored (its English name) in both languages; unknown values are shown as they are. */
export function professionLabel(stored: string): Bilingual {
  const p = professions.find((x) => x.en === stored || x.ar === stored);
  return p ? { ar: p.ar, en: p.en } : { ar: stored, en: stored };
}

export function specialtyLabel(stored: string): Bilingual {
  for (const p of professions) {
    const s = p.specialties.find(([ar, en]) => en === stored || ar === stored);
    if (s) return { ar: s[0], en: s[1] };
  }
  return { ar: stored, en: stored };
}

export function categoryLabel(stored: string): Bilingual {
  return categories[stored] ?? { ar: stored, en: stored };
}
