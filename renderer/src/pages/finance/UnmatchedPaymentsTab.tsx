import { useState } from 'react';
import { Alert, Button, Group, Loader, Modal, SegmentedControl, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnmatchedPaymentView } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { mayCall } from '../../api/may-call';
import { useLocale } from '../../i18n/locale';
import { errorText } from '../../components/errors';
import { countText } from '../../i18n/counts';
import { useMoney } from '../../components/money';
import { FormActions } from '../../components/FormActions';
import { BidiParts } from '../../components/BidiText';

const INVOICE_NUMBER = /^INV-\d{4}-\d{6}$/;

/** Reconciliation lines that matched no invoice; finance assigns each to an invoice with a reason (audited). */
export function UnmatchedPaymentsTab() {
  const { client, user } = useSession();
  const { t, lang, formatDateTime } = useLocale();
  const money = useMoney();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<'unmatched' | 'assigned'>('unmatched');
  const [assigning, setAssigning] = useState<UnmatchedPaymentView | null>(null);
  const [invoiceNumber, setInvoiceNumber] = useState('');
  const [note, setNote] = useState('');
  const officer = mayCall(user?.roles, 'payments.assign');
  const q = useQuery({ queryKey: ['payments.unmatched', status], queryFn: () => client.call('payments.unmatched', { status }) });
  const assign = useMutation({
    mutationFn: (a: { unmatchedId: number; invoiceNumber: string; note: string }) => client.call('payments.assign', a),
    onSuccess: async () => {
      setAssigning(null);
      await queryClient.invalidateQueries();
    },
  });
  const open = (u: UnmatchedPaymentView) => {
    assign.reset();
    setInvoiceNumber(u.invoiceNumber ?? '');
    setNote('');
    setAssigning(u);
  };
  const typed = invoiceNumber.trim().toUpperCase();
  const rows = q.data ?? [];

  return (
    <Stack>
      <Group>
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as 'unmatched' | 'assigned')}
          data={[
            { value: 'unmatched', label: t('finWaitingAssignment') },
            { value: 'assigned', label: t('finAssigned') },
          ]}
        />
        {q.data && (
          <Text size="sm" c="dimmed">
            {countText(lang, 'lines', rows.length)}
          </Text>
        )}
      </Group>
      {q.isPending && <Loader role="status" aria-label={t('loading')} />}
      {q.isError && <Alert color="red">{errorText(q.error, lang)}</Alert>}
      {q.data && rows.length === 0 && <Text c="dimmed">{status === 'unmatched' ? t('finNoUnmatched') : t('finNoAssigned')}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label={t('finUnmatched')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('finTransaction')}</Table.Th>
                <Table.Th>{t('finPaidAt')}</Table.Th>
                <Table.Th>{t('finChannel')}</Table.Th>
                <Table.Th ta="end">{t('finAmount')}</Table.Th>
                <Table.Th>{t('finAsWritten')}</Table.Th>
                <Table.Th>{status === 'unmatched' ? t('finAction') : t('finAssignedTo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <bdi dir="ltr">{u.transactionId}</bdi>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(u.paidAt)}</Table.Td>
                  <Table.Td>{money.channel(u.channel)}</Table.Td>
                  <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                    {money.halalas(u.amountHalalas)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {`${t('finSadadBill')}: `}
                      <bdi dir="ltr">{u.sadadBillNumber || '—'}</bdi>
                    </Text>
                    <Text size="sm">
                      {`${t('finInvoice')}: `}
                      <bdi dir="ltr">{u.invoiceNumber || '—'}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {u.status === 'unmatched' ? (
                      officer && (
                        <Button size="compact-sm" variant="light" onClick={() => open(u)} aria-label={`${t('finAssign')} ${u.transactionId}`}>
                          {t('finAssign')}
                        </Button>
                      )
                    ) : (
                      <Stack gap={2}>
                        {u.assignedTo && (
                          <Text size="sm">
                            <bdi dir="ltr">{u.assignedTo.invoiceNumber}</bdi>
                            {' · '}
                            <bdi dir="ltr">{u.assignedTo.reference}</bdi>
                          </Text>
                        )}
                        <Text size="xs" c="dimmed">
                          {[u.assignedBy, u.assignedAt && formatDateTime(u.assignedAt)].filter(Boolean).join(' · ')}
                        </Text>
                        {u.note && (
                          <Text size="xs" dir="auto">
                            {u.note}
                          </Text>
                        )}
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal opened={assigning !== null} onClose={() => setAssigning(null)} title={t('finAssignTitle')}>
        {assigning && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              assign.mutate({ unmatchedId: assigning.id, invoiceNumber: typed, note: note.trim() });
            }}
          >
            <Stack>
              <Text size="sm">
                <BidiParts parts={[assigning.transactionId, money.halalas(assigning.amountHalalas), formatDateTime(assigning.paidAt)]} />
              </Text>
              <TextInput
                label={t('finInvoiceNumber')}
                placeholder="INV-2026-000123"
                value={invoiceNumber}
                onChange={(e) => setInvoiceNumber(e.currentTarget.value)}
                error={invoiceNumber.trim() && !INVOICE_NUMBER.test(typed) ? t('finInvoiceNumberFormat') : undefined}
                dir="ltr"
                required
                data-autofocus
              />
              <Textarea
                label={t('finAssignReason')}
                description={t('finAssignReasonHelp')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                required
                minLength={3}
                autosize
                minRows={2}
              />
              <FormActions
                error={assign.error}
                onCancel={() => setAssigning(null)}
                submitLabel={t('finAssign')}
                loading={assign.isPending}
                disabled={!INVOICE_NUMBER.test(typed) || note.trim().length < 3}
              />
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
