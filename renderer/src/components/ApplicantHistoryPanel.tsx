import { Alert, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { SERVICE_LABELS, TERMS, type ApplicantHistoryEntry } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { StatusBadge } from './StatusBadge';
import { ErrorNotice } from './ErrorNotice';
import { Ltr } from './BidiText';

/**
 * The applicant's other requests (case tab 7): those filed under the same ID number first, then requests
 * under another ID whose applicant's name looks alike, marked so, with the name, ID and birth date that
 * say why. Each reference is a link: Tab reaches it, Enter opens that request.
 */
export function ApplicantHistoryPanel({ requestId }: { requestId: number }) {
  const { client } = useSession();
  const { t } = useLocale();
  const q = useQuery({
    queryKey: ['cases.applicantHistory', requestId],
    queryFn: () => client.call('cases.applicantHistory', { requestId }),
  });
  if (q.isPending) return <Loader role="status" aria-label={t('loading')} />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const h = q.data;
  const sameId = h.entries.filter((e) => e.match === 'id');
  const lookAlike = h.entries.filter((e) => e.match === 'name');
  return (
    <Stack gap="md">
      <section aria-labelledby="history-same-id">
        <Title order={3} size="h5" id="history-same-id" mb={4}>
          {t('historySameId')} <Ltr>{h.idNumber}</Ltr>
        </Title>
        {sameId.length ? <HistoryTable entries={sameId} label={t('historySameId')} /> : <Text c="dimmed">{t('historyNoSameId')}</Text>}
        {h.more.id && (
          <Text size="sm" c="dimmed" mt={4}>
            {t('historyMore')}
          </Text>
        )}
      </section>
      <section aria-labelledby="history-look-alike">
        <Title order={3} size="h5" id="history-look-alike" mb={4}>
          {t('historyLookAlike')}
        </Title>
        {!h.lookAlikeShown ? (
          <Alert color="gray" p="xs">
            {t('historyLookAlikeWithheld')}
          </Alert>
        ) : lookAlike.length ? (
          <HistoryTable entries={lookAlike} label={t('historyLookAlike')} />
        ) : (
          <Text c="dimmed">{t('historyNoLookAlike')}</Text>
        )}
        {h.more.name && (
          <Text size="sm" c="dimmed" mt={4}>
            {t('historyMore')}
          </Text>
        )}
      </section>
    </Stack>
  );
}

function HistoryTable({ entries, label }: { entries: ApplicantHistoryEntry[]; label: string }) {
  const { t, pick, lang, formatDateParts } = useLocale();
  // Status and outcome share a column, and so do the two dates: the tab is half the page wide.
  const day = (caption: string, iso: string | null) => (
    <Text size="sm">
      <Text span size="xs" c="dimmed">
        {caption}:{' '}
      </Text>
      {iso ? formatDateParts(iso).gregorian : '—'}
    </Text>
  );
  return (
    <Table.ScrollContainer minWidth={460}>
      <Table striped aria-label={label} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reference')}</Table.Th>
            <Table.Th>{t('service')}</Table.Th>
            <Table.Th>{t('historyOutcome')}</Table.Th>
            <Table.Th>{t('historyDates')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.requestId} data-match={e.match}>
              <Table.Td>
                <a href={`#/case/${e.requestId}`}>
                  <Ltr>{e.reference}</Ltr>
                </a>
                {e.match === 'name' && (
                  <>
                    <Badge
                      color="orange"
                      variant="light"
                      size="sm"
                      display="block"
                      mt={2}
                      styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}
                    >
                      {t('historyLookAlikeBadge')}
                    </Badge>
                    <Text size="xs" dir="auto">
                      {lang === 'ar' ? e.nameAr : e.nameEn}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('idNumber')}: <Ltr>{e.idNumber}</Ltr>
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('birthDate')}: <Ltr>{e.birthDate}</Ltr>
                    </Text>
                  </>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{pick(SERVICE_LABELS[e.service])}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={e.status} />
                <Text size="sm" mt={2} fw={e.outcome ? 600 : undefined} c={e.outcome === 'rejected' ? 'red.8' : e.outcome ? undefined : 'dimmed'}>
                  {t(`outcome_${e.outcome ?? 'open'}`)}
                </Text>
                {e.rejectionReason && <Text size="xs">{pick(TERMS.rejection_reasons[e.rejectionReason])}</Text>}
              </Table.Td>
              <Table.Td>
                {day(t('submitted'), e.submittedAt)}
                {day(t('historyDecided'), e.decidedAt)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
