/** One form per plural category the language uses; '#' is where the number goes. */
export type CountForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

// Made on first use: ICU's Arabic data costs a command-line start tens of milliseconds it rarely needs (issue #18).
let intl: { rules: Record<'ar' | 'en', Intl.PluralRules>; numbers: Record<'ar' | 'en', Intl.NumberFormat> } | undefined;
const formats = () =>
  (intl ??= {
    rules: { ar: new Intl.PluralRules('ar'), en: new Intl.PluralRules('en') },
    numbers: { ar: new Intl.NumberFormat('ar-SA-u-nu-latn'), en: new Intl.NumberFormat('en-GB') },
  });

/**
 * A counted noun in the form its count takes, chosen by Intl.PluralRules: Arabic has six
 * (zero, one, two, three to ten, eleven to ninety-nine, hundreds), English two.
 */
export function counted(forms: CountForms, lang: 'ar' | 'en', n: number): string {
  const { rules, numbers } = formats();
  return (forms[rules[lang].select(n)] ?? forms.other).replace('#', numbers[lang].format(n));
}

/** Days and months, as the core's explanations count them ("بعد يومين", "4 أشهر ويوم واحد"). */
export const DAYS = {
  ar: { zero: '# يوم', one: 'يوم واحد', two: 'يومين', few: '# أيام', many: '# يوماً', other: '# يوم' },
  en: { one: '# day', other: '# days' },
} satisfies Record<'ar' | 'en', CountForms>;

export const MONTHS = {
  ar: { zero: '# شهر', one: 'شهر واحد', two: 'شهرين', few: '# أشهر', many: '# شهراً', other: '# شهر' },
  en: { one: '# month', other: '# months' },
} satisfies Record<'ar' | 'en', CountForms>;

export const HOURS = {
  ar: { zero: '# ساعة', one: 'ساعة واحدة', two: 'ساعتين', few: '# ساعات', many: '# ساعة', other: '# ساعة' },
  en: { one: '# hour', other: '# hours' },
} satisfies Record<'ar' | 'en', CountForms>;
