import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { SERVICE_LABELS, TERMS, type CaseDetail } from '../../../../shared/domain';
import { useLocale } from '../../i18n/locale';
import { fill } from '../../i18n/fill';
import { countText } from '../../i18n/counts';
import { routeHref } from '../../route';
import { lastQueue } from '../../components/flow/queue-memory';
import { StatusBadge } from '../../components/StatusBadge';
import { SlaBadge } from '../../components/SlaBadge';
import { CaseDocuments } from '../../components/CaseDocuments';
import { DecisionBar } from '../../components/DecisionBar';
import { BidiParts, Labelled } from '../../components/BidiText';

/** The way back to the queue, and the request's heading: reference, status, applicant, dates, and the actions on it. */
export function CaseHeader({ c }: { c: CaseDetail }) {
  const { t, pick, lang, formatDate } = useLocale();
  return (
    <>
      {/* As wide as its words (a click beside it stays on the case); back to the queue the user came from, its row still selected. */}
      <Anchor
        href={routeHref({ page: 'queue', queue: lastQueue() })}
        size="sm"
        style={{ alignSelf: 'flex-start' }}
        title={fill(t('backTo'), { queue: pick(TERMS.queues[lastQueue()]) })}
        data-testid="back-to-queue"
      >
        {t('back')}
      </Anchor>
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={2} size="h3" dir="ltr">
                {c.reference}
              </Title>
              <StatusBadge status={c.status} />
              <SlaBadge sla={c.sla} size="md" />
              <CaseDocuments c={c} />
            </Group>
            <Text fw={700} dir="auto">
              {lang === 'ar' ? c.applicant.nameAr : c.applicant.nameEn}
            </Text>
            <Text size="sm">{pick(SERVICE_LABELS[c.service])}</Text>
            <Text size="sm" c="dimmed">
              <BidiParts
                parts={[
                  <Labelled key="s" label={t('submitted')} value={formatDate(c.submittedAt)} />,
                  <Labelled key="a" label={t('ageShort')} value={countText(lang, 'workingDays', c.ageDays)} />,
                  <Labelled key="u" label={t('assignee')} value={c.assignee?.displayName ?? t('unassigned')} />,
                  c.returnDueAt && <Labelled key="r" label={t('returnDue')} value={formatDate(c.returnDueAt)} />,
                ]}
              />
            </Text>
          </Stack>
          <DecisionBar c={c} />
        </Group>
      </Paper>
    </>
  );
}
