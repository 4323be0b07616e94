import { useState } from 'react';
import { Anchor, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Status } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { PageHeading } from '../components/PageHeading';
import { QueryStatus } from '../components/QueryStatus';
import { StatusBadge } from '../components/StatusBadge';
import { Ltr } from '../components/BidiText';
import { routeHref } from '../route';
import { fill } from '../i18n/fill';
import { AuditReasons } from './cpd-audit/AuditReasons';
import { SamplesPanel } from './cpd-audit/SamplesPanel';

/** The CPD audit queue: sampled and flagged renewals, each with why it is there and how far its decisions are. */
export function CpdAuditPage() {
  const { client } = useSession();
  const { t, pick, formatDate, formatNumber } = useLocale();
  const [show, setShow] = useState<'open' | 'completed'>('open');
  const queue = useQuery({ queryKey: ['cpdAudit.queue', show], queryFn: () => client.call('cpdAudit.queue', { show }) });

  return (
    <Stack maw={1200}>
      <PageHeading title={t('cpdAudit')} help={t('cpdAuditHelp')} />
      <SegmentedControl
        w="fit-content"
        value={show}
        onChange={(v) => setShow(v as 'open' | 'completed')}
        data={[
          { value: 'open', label: t('cpdOpen') },
          { value: 'completed', label: t('cpdCompleted') },
        ]}
      />
      <QueryStatus query={queue} />
      {queue.data?.length === 0 && <Text c="dimmed">{t('cpdNone')}</Text>}
      {queue.data && queue.data.length > 0 && (
        <Table striped highlightOnHover aria-label={t('cpdAudit')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pwReference')}</Table.Th>
              <Table.Th>{t('applicant')}</Table.Th>
              <Table.Th>{t('status')}</Table.Th>
              <Table.Th>{t('submitted')}</Table.Th>
              <Table.Th>{t('cpdWhy')}</Table.Th>
              <Table.Th>{t('cpdProgress')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.data.map((r) => (
              <Table.Tr key={r.requestId}>
                <Table.Td>
                  <Anchor href={routeHref({ page: 'case', id: r.requestId, tab: 'cpd' })}>
                    <Ltr>{r.reference}</Ltr>
                  </Anchor>
                </Table.Td>
                <Table.Td>{pick({ ar: r.nameAr, en: r.nameEn })}</Table.Td>
                <Table.Td>
                  <StatusBadge status={r.status as Status} />
                  {r.assigneeName && (
                    <Text size="xs" c="dimmed">
                      {r.assigneeName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatDate(r.submittedAt)}</Table.Td>
                <Table.Td maw={480}>
                  <AuditReasons reasons={r.reasons} />
                </Table.Td>
                <Table.Td>{fill(t('cpdProgressOf'), { decided: formatNumber(r.decided), total: formatNumber(r.activities) })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <SamplesPanel />
    </Stack>
  );
}
