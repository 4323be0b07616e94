import { Button, Group, MultiSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { SERVICES, SERVICE_LABELS, TERMS, type FeeExemption } from '../../../../shared/domain';
import { useLocale } from '../../i18n/locale';

/**
 * Exemptions set a request's amount to zero: for the services listed, when the applicant matches every
 * condition given (employer type, category). A condition left empty is not checked.
 */
export function ExemptionsEditor({
  exemptions,
  onChange,
  readOnly,
}: {
  exemptions: FeeExemption[];
  onChange: (e: FeeExemption[]) => void;
  readOnly: boolean;
}) {
  const { t, pick } = useLocale();
  const services = SERVICES.map((s) => ({ value: s, label: pick(SERVICE_LABELS[s]) }));
  const employerTypes = Object.entries(TERMS.employer_types).map(([value, l]) => ({ value, label: pick(l) }));
  const categories = Object.entries(TERMS.categories).map(([value, l]) => ({ value, label: pick(l) }));
  const update = (i: number, patch: Partial<FeeExemption>) => {
    const next = exemptions.map((e, j) => (j === i ? { ...e, ...patch } : e));
    // An empty condition is no condition: stored without it.
    for (const e of next) {
      if (e.employerTypes?.length === 0) delete e.employerTypes;
      if (e.categories?.length === 0) delete e.categories;
    }
    onChange(next);
  };
  return (
    <Stack gap="sm">
      {exemptions.length === 0 && <Text c="dimmed">{t('polNoExemptions')}</Text>}
      {exemptions.map((e, i) => (
        <Paper key={i} withBorder p="sm" aria-label={`${t('polExemption')} ${pick({ ar: e.labelAr, en: e.labelEn })}`}>
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <TextInput
                label={t('polExemptionLabelAr')}
                value={e.labelAr}
                onChange={(x) => update(i, { labelAr: x.currentTarget.value })}
                dir="rtl"
                readOnly={readOnly}
                variant={readOnly ? 'filled' : 'default'}
              />
              <TextInput
                label={t('polExemptionLabelEn')}
                value={e.labelEn}
                onChange={(x) => update(i, { labelEn: x.currentTarget.value })}
                dir="ltr"
                readOnly={readOnly}
                variant={readOnly ? 'filled' : 'default'}
              />
              <TextInput
                label={t('polExemptionId')}
                value={e.id}
                onChange={(x) => update(i, { id: x.currentTarget.value })}
                dir="ltr"
                readOnly={readOnly}
                variant={readOnly ? 'filled' : 'default'}
                description={t('polExemptionIdHelp')}
              />
            </SimpleGrid>
            <MultiSelect
              label={t('polExemptServices')}
              data={services}
              value={e.services}
              onChange={(v) => update(i, { services: v as FeeExemption['services'] })}
              readOnly={readOnly}
              variant={readOnly ? 'filled' : 'default'}
              searchable
            />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <MultiSelect
                label={t('polExemptEmployerTypes')}
                placeholder={readOnly ? undefined : t('polAnyCondition')}
                data={employerTypes}
                value={e.employerTypes ?? []}
                onChange={(v) => update(i, { employerTypes: v })}
                readOnly={readOnly}
                variant={readOnly ? 'filled' : 'default'}
              />
              <MultiSelect
                label={t('polExemptCategories')}
                placeholder={readOnly ? undefined : t('polAnyCondition')}
                data={categories}
                value={e.categories ?? []}
                onChange={(v) => update(i, { categories: v })}
                readOnly={readOnly}
                variant={readOnly ? 'filled' : 'default'}
              />
            </SimpleGrid>
            {!readOnly && (
              <Group justify="end">
                <Button variant="subtle" color="red" size="compact-sm" onClick={() => onChange(exemptions.filter((_, j) => j !== i))}>
                  {t('polRemoveExemption')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
      {!readOnly && (
        <Button
          variant="light"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => onChange([...exemptions, { id: `exemption-${exemptions.length + 1}`, labelAr: '', labelEn: '', services: [] }])}
        >
          {t('polAddExemption')}
        </Button>
      )}
    </Stack>
  );
}
