import type { Lang } from './locale';

/**
 * ISO 3166-1 alpha-2 codes of the countries a practitioner can hold the nationality of (no
 * grouping codes such as EU or UN, no retired ones such as YU). Names come from the browser's CLDR.
 */
const CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF ' +
  'CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH ' +
  'GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW ' +
  'KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG ' +
  'NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN ' +
  'SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const names = { ar: new Intl.DisplayNames('ar', { type: 'region' }), en: new Intl.DisplayNames('en', { type: 'region' }) };

/** "باكستان" / "Pakistan" for "PK"; a code the browser does not know is shown as it is. */
export function countryName(lang: Lang, code: string): string {
  try {
    return names[lang].of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a well-formed region code: show what the record holds
  }
}

/**
 * What a typed name is compared on: no harakat or tatweel, one alif, ta marbuta as ha, alif maqsura
 * as ya, no case or Latin accents, so "السعوديه" finds "السعودية" and "cote" finds "Côte d’Ivoire".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Mn}|\u0640/gu, '')
    .replace(/\u0623|\u0625|\u0622|\u0671/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .toLowerCase()
    .trim();
}

export interface Country {
  code: string;
  ar: string;
  en: string;
}

/** Every country with both its names, sorted by the name in the user's language. */
export function countries(lang: Lang): Country[] {
  const collator = new Intl.Collator(lang);
  return CODES.map((code) => ({ code, ar: countryName('ar', code), en: countryName('en', code) })).sort((a, b) => collator.compare(a[lang], b[lang]));
}

/** Does a typed text name this country, in either language or by its code? */
export function countryMatches(country: Country, typed: string): boolean {
  return countryRank(country, typed) !== null;
}

/**
 * How well a typed text names a country, best first: 0 its code or whole name, 1 the start of a
 * name, 2 the start of a word in it, 3 anywhere in it; null not at all. "India" puts India before
 * "British Indian Ocean Territory", so Enter takes the country meant.
 */
export function countryRank(country: Country, typed: string): number | null {
  const q = foldForSearch(typed);
  if (!q) return 3;
  const names = [foldForSearch(country.ar), foldForSearch(country.en)];
  if (country.code.toLowerCase() === q || names.includes(q)) return 0;
  if (names.some((n) => n.startsWith(q))) return 1;
  if (names.some((n) => n.split(/[\s(),-]+/).some((w) => w.startsWith(q)))) return 2;
  return names.some((n) => n.includes(q)) ? 3 : null;
}

/** The countries a typed text names, best match first (the order of `list` within a rank). */
export function rankCountries(list: Country[], typed: string): Country[] {
  return list
    .map((c, i) => ({ c, i, r: countryRank(c, typed) }))
    .filter((x): x is { c: Country; i: number; r: number } => x.r !== null)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.c);
}

/** The code a typed name or code stands for when exactly one country answers to it (a saved filter, a pasted name). */
export function countryCode(typed: string): string | null {
  const q = foldForSearch(typed);
  if (!q) return null;
  const all = countries('en');
  const ranked = rankCountries(all, typed);
  if (ranked[0] && countryRank(ranked[0], typed) === 0) return ranked[0].code;
  return ranked.length === 1 ? ranked[0]!.code : null;
}
