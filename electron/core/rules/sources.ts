/**
 * Where a rule comes from, in both languages. A rule names its source as the handbook does: the
 * seed article(s) ("002, 004") or a decision the handbook took where the seeds are silent
 * ("Decision (standard Saudi ID format)"). The Arabic screen shows the Arabic form.
 */
import type { Bilingual } from '../../../shared/domain';

/** Each decision a rule rests on, worded in Arabic. A rule citing a decision missing here fails its test. */
const DECISIONS: Record<string, string> = {
  'standard Saudi ID format': 'الصيغة المعتمدة لرقم الهوية',
};

export function sourceLabel(source: string): Bilingual {
  const decision = /^Decision \((.+)\)$/.exec(source);
  if (decision) {
    const ar = DECISIONS[decision[1]!];
    return { ar: ar ? `قرار (${ar})` : `قرار (${decision[1]})`, en: source };
  }
  // Seed articles: numbers, listed with the Arabic comma.
  return { ar: source.replace(/\s*,\s*/g, '، '), en: source };
}
