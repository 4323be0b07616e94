import { useState } from 'react';
import { Alert, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReconciliationRow } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { errorText } from '../../components/errors';
import { useMoney } from '../../components/money';
import { DayInput } from '../../components/DayInput';

const riyadhDay = (offsetDays = 0) => new Date(Date.now() + 3 * 3_600_000 - offsetDays * 86_400_000).toISOString().slice(0, 10);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Expected against received per Riyadh day and channel, with totals; downloadable as Excel. */
export function ReconciliationTab() {
  const { client } = useSession();
  const { t, lang, formatNumber, formatDate, formatDateParts } = useLocale();
  const money = useMoney();
  const [from, setFrom] = useState(riyadhDay(6));
  const [to, setTo] = useState(riyadhDay());
  const valid = DAY.test(from) && DAY.test(to) && from <= to;
  const q = useQuery({
    queryKey: ['finance.reconciliation', from, to],
    queryFn: () => client.call('finance.reconciliation', { from, to }),
    enabled: valid,
  });
  const download = useMutation({
    mutationFn: () => client.call('finance.reconciliationExport', { from, to, lang }),
    onSuccess: (f) => {
      const a = document.createElement('a');
      a.href = f.url;
      a.download = f.fileName;
      a.click();
    },
  });
  const rows = q.data ?? [];
  const sum = (pick: (r: ReconciliationRow) => number) => rows.reduce((a, r) => a + pick(r), 0);

  return (
    <Stack>
      <Group align="end">
        <DayInput label={t('from')} value={from} onChange={(d) => setFrom(d ?? '')} description={DAY.test(from) ? formatDate(from) : undefined} />
        <DayInput
          label={t('to')}
          value={to}
          onChange={(d) => setTo(d ?? '')}
          description={DAY.test(to) ? formatDate(to) : undefined}
          error={DAY.test(from) && DAY.test(to) && from > to ? t('finRangeBackwards') : undefined}
        />
        <Button variant="light" disabled={!valid} loading={download.isPending} onClick={() => download.mutate()}>
          {t('finDownloadExcel')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('finReconciliationHelp')}
      </Text>
      {download.isError && <Alert color="red">{errorText(download.error, lang)}</Alert>}
      {q.isFetching && !q.data && <Loader role="status" aria-label={t('loading')} />}
      {q.isError && <Alert color="red">{errorText(q.error, lang)}</Alert>}
      {q.data && rows.length === 0 && <Text c="dimmed">{t('finNoMoneyInRange')}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label={t('finReconciliation')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('day')}</Table.Th>
                <Table.Th>{t('finChannel')}</Table.Th>
                <Table.Th ta="end">{t('finPaymentsCount')}</Table.Th>
                <Table.Th ta="end">{t('finReceived')}</Table.Th>
                <Table.Th ta="end">{t('finExpected')}</Table.Th>
                <Table.Th ta="end">{t('finSurplus')}</Table.Th>
                <Table.Th ta="end">{t('finUnmatchedAmount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const d = formatDateParts(r.day);
                return (
                  <Table.Tr key={`${r.day}-${r.channel}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{d.gregorian}</Text>
                      <Text size="xs" c="dimmed">
                        {d.hijri}
                      </Text>
                    </Table.Td>
                    <Table.Td>{money.channel(r.channel)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(r.payments)}</Table.Td>
                    <Amount h={r.receivedHalalas} />
                    <Amount h={r.expectedHalalas} />
                    <Amount h={r.surplusHalalas} />
                    <Amount h={r.unmatchedHalalas} />
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={2}>{t('total')}</Table.Th>
                <Table.Th ta="end">{formatNumber(sum((r) => r.payments))}</Table.Th>
                <Amount h={sum((r) => r.receivedHalalas)} head />
                <Amount h={sum((r) => r.expectedHalalas)} head />
                <Amount h={sum((r) => r.surplusHalalas)} head />
                <Amount h={sum((r) => r.unmatchedHalalas)} head />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function Amount({ h, head = false }: { h: number; head?: boolean }) {
  const money = useMoney();
  const Cell = head ? Table.Th : Table.Td;
  return (
    <Cell ta="end" c={h === 0 && !head ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {money.halalas(h)}
    </Cell>
  );
}
