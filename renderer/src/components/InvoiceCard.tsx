import type { ReactNode } from 'react';
import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import type { InvoiceView } from '../../../shared/domain';
import { useLocale } from '../i18n/locale';
import { useMoney } from './money';
import { BidiParts, Labelled } from './BidiText';

const STATUS_COLOR = { unpaid: 'yellow', partially_paid: 'orange', paid: 'green', expired: 'red' } as const;
const PAYMENT_COLOR = { pending: 'yellow', confirmed: 'green', refused: 'red' } as const;

/** One invoice: its SADAD bill, due day, status, lines, and every payment with where it came from and its state. */
export function InvoiceCard({ inv }: { inv: InvoiceView }) {
  const { t, formatDate, formatDateParts } = useLocale();
  const money = useMoney();
  const due = inv.dueOn ? formatDateParts(inv.dueOn) : null;
  return (
    <Paper withBorder p="sm" aria-label={`${t('finInvoice')} ${inv.number}`}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Text fw={700} dir="ltr">
            {inv.number}
          </Text>
          <Badge variant="light" color={STATUS_COLOR[inv.status]}>
            {t(`invoice_${inv.status}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {`${t('issuedOn')} ${formatDate(inv.issuedAt)}`}
        </Text>
      </Group>
      {/* The payments tab is narrow beside the attachment viewer: facts wrap as whole pairs. */}
      <Group gap="lg" mt="xs" align="start">
        <Fact label={t('finSadadBill')} value={<bdi dir="ltr">{inv.sadadBillNumber ?? '—'}</bdi>} />
        <Fact
          label={t('finDueOn')}
          value={
            due ? (
              <>
                {due.gregorian}
                <Text span display="block" size="xs" c="dimmed">
                  {due.hijri}
                </Text>
              </>
            ) : (
              '—'
            )
          }
        />
        <Fact label={t('total')} value={money.riyals(inv.total)} />
        <Fact label={t('finPaid')} value={money.riyals(inv.paid)} />
        <Fact label={t('finRemaining')} value={money.riyals(inv.remaining)} strong={inv.remaining > 0} />
      </Group>
      <Table withRowBorders={false} aria-label={inv.number} mt="xs">
        <Table.Tbody>
          {inv.lines.map((l, i) => (
            <Table.Tr key={i}>
              <Table.Td>{t(`fee_${l.kind}`)}</Table.Td>
              <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                {money.riyals(l.amount)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {inv.payments.length > 0 && (
        <Table mt="xs" aria-label={`${t('payments')} ${inv.number}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('payments')}</Table.Th>
              <Table.Th ta="end">{t('finAmount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inv.payments.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm">{`${money.channel(p.channel)} · ${t(`source_${p.source}`)}`}</Text>
                    <Badge variant="light" color={PAYMENT_COLOR[p.status]}>
                      {t(`payment_${p.status}`)}
                    </Badge>
                  </Group>
                  <Text size="xs">
                    {`${p.transactionId ? t('finTransaction') : t('finTransferReference')}: `}
                    <bdi dir="ltr">{p.transactionId ?? p.reference}</bdi>
                    {p.transactionId && p.reference !== p.transactionId && (
                      <>
                        {' · '}
                        <bdi dir="ltr">{p.reference}</bdi>
                      </>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <BidiParts
                      parts={[
                        formatDate(p.paidAt),
                        p.recordedBy && (
                          <>
                            {`${t('finRecordedBy')} `}
                            <bdi dir="auto">{p.recordedBy.name}</bdi>
                          </>
                        ),
                      ]}
                    />
                  </Text>
                  {p.refusalReason && (
                    <Text size="xs" c="red.9">
                      <Labelled label={t('finRefuseReason')} value={p.refusalReason} />
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }} td={p.status === 'refused' ? 'line-through' : undefined}>
                  {money.riyals(p.amount)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function Fact({ label, value, strong = false }: { label: string; value: ReactNode; strong?: boolean }) {
  return (
    <div style={{ whiteSpace: 'nowrap' }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 500}>
        {value}
      </Text>
    </div>
  );
}
