import { useState } from 'react';
import { Alert, Badge, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FINANCE_LIST_CAP, SERVICE_LABELS } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { errorText } from '../../components/errors';
import { countText } from '../../i18n/counts';
import { useMoney } from '../../components/money';
import { routeHref } from '../../route';
import { useRowsAtATime } from '../../components/rows-at-a-time';
import { fill } from '../../i18n/fill';

/** Requests waiting for their money: overdue first (marked), then by due day; what is left to pay. */
export function AwaitingPaymentTab() {
  const { client } = useSession();
  const { t, pick, lang, formatNumber, formatDateParts } = useLocale();
  const money = useMoney();
  const [search, setSearch] = useState('');

  const q = useQuery({
    queryKey: ['payments.awaiting', search.trim()],
    queryFn: () => client.call('payments.awaiting', search.trim() ? { search: search.trim() } : {}),
    refetchInterval: 15_000,
  });
  const rows = q.data ?? [];
  const overdue = rows.filter((r) => r.overdue).length;
  // The server sends the first FINANCE_LIST_CAP, overdue first: a full list means more are waiting, and its
  // overdue count is whole only while some of the rows sent are not overdue.
  const capped = rows.length >= FINANCE_LIST_CAP;
  const cap = formatNumber(FINANCE_LIST_CAP);
  // The first hundred drawn (two calendars a row): a thousand kept a finance officer's first page blank for 2 s.
  const { drawn, more } = useRowsAtATime(rows, search.trim());

  return (
    <Stack>
      <Group align="end">
        <TextInput
          label={t('searchPlain')}
          placeholder={t('finAwaitingSearchHint')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={360}
          data-autofocus
        />
        {q.data && !capped && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {`${countText(lang, 'requests', rows.length)} · ${t('finOverdueCount')}: ${formatNumber(overdue)}`}
          </Text>
        )}
      </Group>
      {capped && (
        <Alert color="yellow" aria-live="polite">
          {fill(t('finListCapped'), { n: cap })}
          {overdue < rows.length && ` ${t('finOverdueCount')}: ${formatNumber(overdue)}.`}
        </Alert>
      )}
      {q.isPending && <Loader role="status" aria-label={t('loading')} />}
      {q.isError && <Alert color="red">{errorText(q.error, lang)}</Alert>}
      {q.data && rows.length === 0 && <Text c="dimmed">{t('finNothingAwaiting')}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={980}>
          <Table striped highlightOnHover aria-label={t('finAwaiting')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reference')}</Table.Th>
                <Table.Th>{t('applicant')}</Table.Th>
                <Table.Th>{t('finInvoice')}</Table.Th>
                <Table.Th>{t('finDueOn')}</Table.Th>
                <Table.Th ta="end">{t('total')}</Table.Th>
                <Table.Th ta="end">{t('finPaid')}</Table.Th>
                <Table.Th ta="end">{t('finRemaining')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {drawn.map((r) => {
                const due = formatDateParts(r.dueOn);
                return (
                  <Table.Tr key={r.invoiceId} bg={r.overdue ? 'red.0' : undefined}>
                    <Table.Td>
                      <a href={routeHref({ page: 'case', id: r.requestId, tab: 'payments' })} dir="ltr">
                        {r.reference}
                      </a>
                      <Text size="xs" c="dimmed">
                        {pick(SERVICE_LABELS[r.service])}
                      </Text>
                    </Table.Td>
                    <Table.Td>{lang === 'ar' ? r.nameAr : r.nameEn}</Table.Td>
                    <Table.Td>
                      <Text size="sm" dir="ltr" ta="start">
                        {r.invoiceNumber}
                      </Text>
                      {r.sadadBillNumber && (
                        <Text size="xs" c="dimmed">
                          {`${t('finSadadBill')} `}
                          <bdi dir="ltr">{r.sadadBillNumber}</bdi>
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <div>
                          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {due.gregorian}
                          </Text>
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {due.hijri}
                          </Text>
                        </div>
                        {r.overdue && (
                          // Never shrunk by the dates beside it: Arabic's word was cut to its first letters.
                          <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
                            {t('finOverdue')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                      {money.halalas(r.totalHalalas)}
                    </Table.Td>
                    <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                      {money.halalas(r.paidHalalas)}
                      {r.pendingManual && (
                        <Text size="xs" c="dimmed">
                          {t('finPendingManualNote')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="end" fw={700} style={{ whiteSpace: 'nowrap' }}>
                      {money.halalas(r.remainingHalalas)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {more}
    </Stack>
  );
}
