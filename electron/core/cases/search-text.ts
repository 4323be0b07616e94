import type { Applicant } from '../../../shared/domain';
import { normaliseArabic } from '../../../shared/arabic';
import { normaliseDigits } from '../identity/national-id';

/** One search token as stored and as typed: Arabic folded, digits ASCII, a Saudi mobile in its 05… form. */
export function normaliseToken(token: string): string {
  return normaliseArabic(normaliseDigits(token)).replace(/^\+?966(5\d{8})$/, '0$1');
}

/** What queue search matches: reference, both names, ID and mobile. */
export function searchText(reference: string, a: Pick<Applicant, 'nameAr' | 'nameEn' | 'idNumber' | 'mobile'>): string {
  return [reference, a.nameAr, a.nameEn, a.idNumber, a.mobile].map((part) => part.split(/\s+/).map(normaliseToken).join(' ')).join(' ');
}

/** The tokens of a query; FTS5 trigram needs three characters, shorter ones fall back to LIKE. */
export function searchTokens(query: string): string[] {
  return query
    .split(/\s+/)
    .map(normaliseToken)
    .filter((t) => t.length > 0)
    .slice(0, 8);
}
