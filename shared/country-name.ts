/** A country's name from its ISO code in the language asked for (Intl's CLDR names); the code itself when Intl has none. */
export function countryName(code: string, lang: 'ar' | 'en'): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
