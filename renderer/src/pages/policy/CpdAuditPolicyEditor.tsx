import { Group, NumberInput, Select, SimpleGrid, TagsInput, Text } from '@mantine/core';
import { cpdActivityKind, type CpdAuditPolicy } from '../../../../shared/domain';
import { useLocale } from '../../i18n/locale';

const PERIODS = [1, 2, 3, 4, 6, 12] as const;

/** The CPD audit's policy values: the sample's period and share, and the thresholds of the CPD risk signals. */
export function CpdAuditPolicyEditor({ value, onChange, readOnly }: { value: CpdAuditPolicy; onChange(v: CpdAuditPolicy): void; readOnly: boolean }) {
  const { t, lang, formatNumber } = useLocale();
  const variant = readOnly ? 'filled' : 'default';
  const set = <K extends keyof CpdAuditPolicy>(key: K, v: CpdAuditPolicy[K]) => onChange({ ...value, [key]: v });
  const num = (v: string | number, fallback: number) => (v === '' ? fallback : Number(v));
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Select
          label={t('polCpdPeriodMonths')}
          data={PERIODS.map((m) => ({ value: String(m), label: `${formatNumber(m)} ${t('unitMonths')}` }))}
          value={String(value.periodMonths)}
          onChange={(v) => v && set('periodMonths', Number(v) as CpdAuditPolicy['periodMonths'])}
          readOnly={readOnly}
          variant={variant}
          allowDeselect={false}
        />
        <NumberInput
          label={t('polCpdSamplePercent')}
          rightSection={<Text size="xs">{t('unitPercent')}</Text>}
          value={value.samplePercent}
          onChange={(v) => set('samplePercent', num(v, 0))}
          min={0}
          max={100}
          dir="ltr"
          readOnly={readOnly}
          variant={variant}
        />
        <NumberInput
          label={t('polCpdCrammingWeeks')}
          rightSection={<Text size="xs">{t('unitWeeks')}</Text>}
          rightSectionWidth={70}
          value={value.crammingWeeks}
          onChange={(v) => set('crammingWeeks', Math.round(num(v, 1)))}
          min={1}
          max={52}
          allowDecimal={false}
          dir="ltr"
          readOnly={readOnly}
          variant={variant}
        />
        <NumberInput
          label={t('polCpdCrammingShare')}
          rightSection={<Text size="xs">{t('unitPercent')}</Text>}
          value={Math.round(value.crammingShare * 100)}
          onChange={(v) => set('crammingShare', num(v, 100) / 100)}
          min={1}
          max={100}
          dir="ltr"
          readOnly={readOnly}
          variant={variant}
        />
        <NumberInput
          label={t('polCpdCrammingMinHours')}
          rightSection={<Text size="xs">{t('cpdHours')}</Text>}
          rightSectionWidth={70}
          value={value.crammingMinHours}
          onChange={(v) => set('crammingMinHours', num(v, 0))}
          min={0}
          dir="ltr"
          readOnly={readOnly}
          variant={variant}
        />
      </SimpleGrid>
      <TagsInput
        mt="sm"
        label={t('polCpdProviders')}
        description={readOnly ? undefined : t('polCpdProvidersHelp')}
        value={value.recognisedProviders}
        onChange={(v) => set('recognisedProviders', v)}
        readOnly={readOnly}
        variant={variant}
        dir="auto"
      />
      <Text mt="sm" size="sm" fw={600}>
        {t('polCpdMaxHours')}
      </Text>
      <Group gap="sm">
        {Object.keys(value.maxHoursPerDay).map((kind) => (
          <NumberInput
            key={kind}
            w={120}
            label={cpdActivityKind(kind)[lang]}
            value={value.maxHoursPerDay[kind]}
            onChange={(v) => set('maxHoursPerDay', { ...value.maxHoursPerDay, [kind]: num(v, 1) })}
            min={0.5}
            max={24}
            dir="ltr"
            readOnly={readOnly}
            variant={variant}
          />
        ))}
        <NumberInput
          w={120}
          label={t('polCpdOtherKind')}
          value={value.otherKindMaxHoursPerDay}
          onChange={(v) => set('otherKindMaxHoursPerDay', num(v, 1))}
          min={0.5}
          max={24}
          dir="ltr"
          readOnly={readOnly}
          variant={variant}
        />
      </Group>
    </>
  );
}
