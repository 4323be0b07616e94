import { useMemo } from 'react';
import { Select, Text, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useLocale } from '../i18n/locale';
import { countries, rankCountries, type Country } from '../i18n/countries';

/**
 * A country chosen by its name in either language ("Pakistan", "باكستان") or its code; the value is
 * the ISO code the desk stores. The first match is highlighted, so Enter or Tab takes it.
 */
export function CountrySelect(props: { label: string; value: string | undefined; onChange(code: string | undefined): void; w?: number }) {
  const { lang } = useLocale();
  const all = useMemo(() => countries(lang), [lang]);
  const byCode = useMemo(() => new Map<string, Country>(all.map((c) => [c.code, c])), [all]);
  const other = lang === 'ar' ? 'en' : 'ar';
  // Best match first (a whole name before a name that merely contains it): Enter takes the first.
  const filter: OptionsFilter = ({ options, search }) => {
    const shown = new Set(rankCountries(all, search).map((c) => c.code));
    const items = (options as ComboboxItem[]).filter((o) => shown.has(o.value));
    const order = new Map(rankCountries(all, search).map((c, i) => [c.code, i]));
    return items.sort((a, b) => order.get(a.value)! - order.get(b.value)!);
  };
  return (
    <Select
      label={props.label}
      // The chosen country first when the list opens.
      data={[...all].sort((a, b) => Number(b.code === props.value) - Number(a.code === props.value)).map((c) => ({ value: c.code, label: c[lang] }))}
      value={props.value ?? null}
      onChange={(v) => props.onChange(v ?? undefined)}
      searchable
      clearable
      selectFirstOptionOnChange
      autoSelectOnBlur
      filter={filter}
      limit={30}
      w={props.w}
      renderOption={({ option }) => {
        const c = byCode.get(option.value);
        return (
          <div>
            <Text size="sm">{option.label}</Text>
            {/* The other language's name, lighter but in the option's colour: readable when highlighted too. */}
            {c && (
              <Text size="xs" opacity={0.8}>
                <bdi lang={other}>{c[other]}</bdi>
              </Text>
            )}
          </div>
        );
      }}
    />
  );
}
