import { Badge, Table, Text, Title } from '@mantine/core';
import type { CaseDetail } from '../../../shared/domain';
import { useLocale } from '../i18n/locale';
import { countText } from '../i18n/counts';
import { fill } from '../i18n/fill';
import { BidiParts, Ltr } from './BidiText';

/**
 * The CPD part of the case data, added up as the CPD-HOURS check adds it (rules.md): hours recorded
 * before this request + the hours of the activities added with it (those refused in a CPD audit left
 * out), against the hours the category requires. The heading's figures and the rows below are the same
 * facts, so "20 hours" over an empty list always says where the 20 come from.
 */
export function CpdSection({ cpd }: { cpd: CaseDetail['cpd'] }) {
  const { t, lang, formatNumber } = useLocale();
  const fromActivities = cpd.activities.filter((a) => !a.refused).reduce((sum, a) => sum + a.hours, 0);
  const recognised = cpd.recordedHours + fromActivities;
  const required = cpd.requiredHours ?? null;
  return (
    <>
      <Title order={4} size="h6" data-testid="cpd-sum">
        {`${t('cpd')} · ${
          required === null
            ? fill(t('cpdSumNoTable'), { recognised: formatNumber(recognised) })
            : fill(t('cpdSum'), { recognised: formatNumber(recognised), required: formatNumber(required) })
        }`}
      </Title>
      <Table aria-label={t('cpd')} withRowBorders={false}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={260}>{t('cpdRecordedBefore')}</Table.Th>
            <Table.Td ta="end" w={110}>
              {countText(lang, 'hours', cpd.recordedHours)}
            </Table.Td>
            <Table.Td />
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('cpdFromActivities')}</Table.Th>
            <Table.Td ta="end">{countText(lang, 'hours', fromActivities)}</Table.Td>
            <Table.Td>
              {cpd.activities.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('cpdNoActivities')}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
          {cpd.activities.map((a, i) => (
            <Table.Tr key={i} data-refused={a.refused || undefined}>
              <Table.Td ps="lg">
                <BidiParts parts={[a.title, a.provider]} /> · <Ltr>{a.date}</Ltr>
              </Table.Td>
              <Table.Td ta="end" td={a.refused ? 'line-through' : undefined}>
                {countText(lang, 'hours', a.hours)}
              </Table.Td>
              <Table.Td>
                {a.refused && (
                  <Badge color="red" variant="light" tt="none" styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
                    {t('cpdRefusedInAudit')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
