import { useCallback, useState } from 'react';
import { useLocale } from '../i18n/locale';

/**
 * The desk's own check of required fields, in the user's language: forms carry `noValidate`, so the
 * browser never answers in its own locale ("Please fill out this field."). Inputs keep `required`
 * for the asterisk and for screen readers (aria-required); an empty one shows the dictionary's
 * message once the user has tried to send the form, and the first of them takes the focus.
 */
export function useRequiredFields() {
  const { t } = useLocale();
  const [tried, setTried] = useState(false);
  /** True when every value is filled; otherwise the empties say so and the first one is focused. */
  const check = useCallback((values: ReadonlyArray<string | number | null | undefined>, form?: HTMLFormElement | null): boolean => {
    const complete = values.every((v) => v !== null && v !== undefined && String(v).trim() !== '');
    setTried(!complete);
    if (!complete && form) requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return complete;
  }, []);
  /** The message under an input: the dictionary's "This field is required" while it is empty after a try. */
  const errorFor = (value: string | number | null | undefined): string | undefined =>
    tried && (value === null || value === undefined || String(value).trim() === '') ? t('fieldRequired') : undefined;
  return { check, errorFor, reset: () => setTried(false) };
}
