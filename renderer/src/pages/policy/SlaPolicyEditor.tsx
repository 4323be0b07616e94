import { ActionIcon, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { SERVICES, SERVICE_LABELS, type SlaPolicy } from '../../../../shared/domain';
import { useLocale } from '../../i18n/locale';
import { DayInput } from '../../components/DayInput';

/**
 * The SLA tables (issue #17): working days to decide each service (empty: the general target) and the
 * public holidays the due days skip. Saved as a proposal like every policy change.
 */
export function SlaPolicyEditor({
  value,
  fallbackDays,
  onChange,
  readOnly,
}: {
  value: SlaPolicy;
  fallbackDays: number;
  onChange: (v: SlaPolicy) => void;
  readOnly: boolean;
}) {
  const { t, pick, formatDate } = useLocale();
  const variant = readOnly ? 'filled' : 'default';
  const setDays = (service: string, v: string | number) => {
    const workingDays = { ...value.workingDays };
    if (v === '') delete workingDays[service];
    else workingDays[service] = Math.round(Number(v));
    onChange({ ...value, workingDays });
  };
  const holidays = [...value.holidays];
  const setHoliday = (i: number, patch: Partial<SlaPolicy['holidays'][number]>) =>
    onChange({ ...value, holidays: holidays.map((h, j) => (j === i ? { ...h, ...patch } : h)) });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {SERVICES.map((s) => (
          <NumberInput
            key={s}
            label={pick(SERVICE_LABELS[s])}
            value={value.workingDays[s] ?? ''}
            placeholder={String(fallbackDays)}
            onChange={(v) => setDays(s, v)}
            min={1}
            max={250}
            allowDecimal={false}
            allowNegative={false}
            rightSection={<Text size="xs">{t('unitWorkingDays')}</Text>}
            rightSectionWidth={90}
            dir="ltr"
            readOnly={readOnly}
            variant={variant}
          />
        ))}
      </SimpleGrid>
      <Text size="sm" fw={600}>
        {t('polHolidays')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('polHolidaysHelp')}
      </Text>
      {holidays.map((h, i) => (
        <Paper key={i} withBorder p="xs" aria-label={`${t('polHolidays')}: ${pick({ ar: h.nameAr, en: h.nameEn })}`} data-testid="policy-holiday">
          {readOnly ? (
            <Text size="sm">
              {`${pick({ ar: h.nameAr, en: h.nameEn })} — ${formatDate(h.from)}${h.to !== h.from ? ` → ${formatDate(h.to)}` : ''}`}
            </Text>
          ) : (
            <Group align="flex-end" gap="xs" wrap="wrap">
              <DayInput
                label={t('polHolidayFrom')}
                value={h.from}
                onChange={(d) => d && setHoliday(i, { from: d, ...(h.to < d ? { to: d } : {}) })}
              />
              <DayInput label={t('polHolidayTo')} value={h.to} onChange={(d) => d && setHoliday(i, { to: d })} />
              <TextInput
                label={t('polHolidayNameAr')}
                value={h.nameAr}
                onChange={(e) => setHoliday(i, { nameAr: e.currentTarget.value })}
                dir="rtl"
                w={200}
              />
              <TextInput
                label={t('polHolidayNameEn')}
                value={h.nameEn}
                onChange={(e) => setHoliday(i, { nameEn: e.currentTarget.value })}
                dir="ltr"
                w={200}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={`${t('polRemoveHoliday')} ${pick({ ar: h.nameAr, en: h.nameEn })}`}
                onClick={() => onChange({ ...value, holidays: holidays.filter((_, j) => j !== i) })}
              >
                ×
              </ActionIcon>
            </Group>
          )}
        </Paper>
      ))}
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            onClick={() => {
              const last = holidays.at(-1)?.to ?? new Date().toISOString().slice(0, 10);
              onChange({ ...value, holidays: [...holidays, { from: last, to: last, nameAr: '', nameEn: '' }] });
            }}
          >
            {t('polAddHoliday')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
