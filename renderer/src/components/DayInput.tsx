import type { ReactNode } from 'react';
import { DateInput, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ar';
import { useLocale } from '../i18n/locale';
import { parseTypedDay } from '../i18n/typed-day';

/**
 * A day chosen or typed in the desk's language: "23 أكتوبر 2026" with an Arabic month calendar in
 * Arabic, "23 October 2026" in English (the browser's own date box follows the system locale and
 * shows "mm/dd/yyyy"). The value stays the ISO day the desk sends. Weeks start on Sunday, as in
 * the kingdom; Friday and Saturday are the weekend.
 */
export function DayInput(props: {
  label: string;
  value: string | undefined;
  onChange(day: string | undefined): void;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  clearable?: boolean;
  w?: number;
}) {
  const { lang, t } = useLocale();
  return (
    <DatesProvider settings={{ locale: lang, firstDayOfWeek: 0, weekendDays: [5, 6] }}>
      <DateInput
        label={props.label}
        value={props.value && /^\d{4}-\d{2}-\d{2}$/.test(props.value) ? props.value : null}
        onChange={(v) => props.onChange(v ?? undefined)}
        valueFormat="D MMMM YYYY"
        dateParser={parseTypedDay}
        placeholder={t('pickDate')}
        description={props.description}
        error={props.error}
        required={props.required}
        clearable={props.clearable}
        w={props.w ?? 170}
        popoverProps={{ withinPortal: true }}
        // Mantine's error red (red.6) on white is below AA contrast: the day stays dark, the message a deeper red.
        styles={{ input: { color: 'var(--mantine-color-dark-7)' }, error: { color: 'var(--mantine-color-red-9)' } }}
      />
    </DatesProvider>
  );
}
