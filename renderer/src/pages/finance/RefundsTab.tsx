import { useState } from 'react';
import { Alert, Badge, Group, Loader, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { REFUND_STAGES, type RefundStage } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { errorText } from '../../components/errors';
import { countText } from '../../i18n/counts';
import { useMoney } from '../../components/money';
import { navigate } from '../../route';
import { InvoiceReferenceCell } from './InvoiceReferenceCell';

/** Refunds by stage across every request; a row opens its case's payments tab, where the work is done. */
export function RefundsTab() {
  const { client } = useSession();
  const { t, lang, formatDate } = useLocale();
  const money = useMoney();
  const [stage, setStage] = useState<RefundStage>('to_compute');
  const q = useQuery({ queryKey: ['refunds.list', stage], queryFn: () => client.call('refunds.list', { stage }), refetchInterval: 15_000 });
  const rows = q.data ?? [];
  const originColor = { overpayment: 'orange', duplicate: 'grape', requested: 'gray' } as const;

  return (
    <Stack>
      <Group>
        <SegmentedControl
          value={stage}
          onChange={(v) => setStage(v as RefundStage)}
          data={REFUND_STAGES.map((s) => ({ value: s, label: t(`stage_${s}`) }))}
          aria-label={t('finRefunds')}
        />
        {q.data && (
          <Text size="sm" c="dimmed">
            {countText(lang, 'requests', rows.length)}
          </Text>
        )}
      </Group>
      {q.isPending && <Loader role="status" aria-label={t('loading')} />}
      {q.isError && <Alert color="red">{errorText(q.error, lang)}</Alert>}
      {q.data && rows.length === 0 && <Text c="dimmed">{t('finNoRefunds')}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label={t(`stage_${stage}`)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reference')}</Table.Th>
                <Table.Th>{t('applicant')}</Table.Th>
                <Table.Th>{t('finOrigin')}</Table.Th>
                <Table.Th>{stage === 'paid' ? t('finPaidOutOn') : t('refundRequestedAt')}</Table.Th>
                <Table.Th>{t('finWho')}</Table.Th>
                <Table.Th ta="end">{t('total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const when = stage === 'paid' ? r.paidAt : r.requestedAt;
                return (
                  <Table.Tr
                    key={r.refundId}
                    style={{ cursor: 'pointer' }}
                    onClick={(e) => {
                      if (!(e.target instanceof HTMLAnchorElement)) navigate({ page: 'case', id: r.requestId, tab: 'payments' });
                    }}
                  >
                    <InvoiceReferenceCell requestId={r.requestId} reference={r.reference} invoiceNumber={r.invoiceNumber} />
                    <Table.Td>{lang === 'ar' ? r.nameAr : r.nameEn}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={originColor[r.origin]}>
                        {t(`origin_${r.origin}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{when ? formatDate(when) : '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {[
                          r.computedBy && `${t('computedBy')} ${r.computedBy}`,
                          r.approvedBy && `${t('approvedBy')} ${r.approvedBy}`,
                          r.payoutReference && `${t('payoutReference')} ${r.payoutReference}`,
                        ]
                          .filter(Boolean)
                          .join(' · ') || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                      {r.totalHalalas !== null ? money.halalas(r.totalHalalas) : t('finNotComputed')}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
