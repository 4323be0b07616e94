import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PendingManualPaymentRow } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { mayCall } from '../../api/may-call';
import { useLocale } from '../../i18n/locale';
import { errorText, type ShownError } from '../../components/errors';
import { useMoney } from '../../components/money';
import { FormActions } from '../../components/FormActions';
import { InvoiceReferenceCell } from './InvoiceReferenceCell';
import { BidiParts } from '../../components/BidiText';
import { countText } from '../../i18n/counts';

/**
 * Bank transfers recorded from their proof and waiting for a second officer (maker-checker): another
 * officer confirms or refuses with a reason; the one who recorded it sees it waiting and cannot confirm it.
 */
export function ManualPaymentsTab() {
  const { client, user } = useSession();
  const { t, lang, formatDate, formatDateTime } = useLocale();
  const money = useMoney();
  const queryClient = useQueryClient();
  const [refusing, setRefusing] = useState<PendingManualPaymentRow | null>(null);
  const [reason, setReason] = useState('');
  const [proofError, setProofError] = useState<ShownError>(null);
  const officer = mayCall(user?.roles, 'payments.confirmManual');
  const q = useQuery({ queryKey: ['payments.pendingManual'], queryFn: () => client.call('payments.pendingManual', {}), refetchInterval: 15_000 });
  const done = async () => {
    setRefusing(null);
    await queryClient.invalidateQueries();
  };
  const confirm = useMutation({ mutationFn: (paymentId: number) => client.call('payments.confirmManual', { paymentId }), onSuccess: done });
  const refuse = useMutation({
    mutationFn: (a: { paymentId: number; reason: string }) => client.call('payments.refuseManual', a),
    onSuccess: done,
  });
  const openProof = async (attachmentId: number) => {
    setProofError(null);
    try {
      const f = await client.call('attachments.open', { id: attachmentId });
      window.open(f.url, '_blank', 'noopener');
    } catch (e) {
      setProofError(e);
    }
  };
  const rows = q.data ?? [];

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('finManualHelp')}
      </Text>
      {q.isPending && <Loader role="status" aria-label={t('loading')} />}
      {q.isError && <Alert color="red">{errorText(q.error, lang)}</Alert>}
      {confirm.isError && <Alert color="red">{errorText(confirm.error, lang)}</Alert>}
      {proofError !== null && <Alert color="red">{errorText(proofError, lang)}</Alert>}
      {q.data && rows.length === 0 && <Text c="dimmed">{t('finNoManual')}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={980}>
          <Table striped highlightOnHover aria-label={t('finManual')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reference')}</Table.Th>
                <Table.Th>{t('finTransferReference')}</Table.Th>
                <Table.Th>{t('finPaidOn')}</Table.Th>
                <Table.Th ta="end">{t('finAmount')}</Table.Th>
                <Table.Th>{t('finRecordedBy')}</Table.Th>
                <Table.Th>{t('finProof')}</Table.Th>
                <Table.Th>{t('finDecision')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => {
                const mine = p.recordedBy.id === user?.id;
                return (
                  <Table.Tr key={p.paymentId}>
                    <InvoiceReferenceCell requestId={p.requestId} reference={p.reference} invoiceNumber={p.invoiceNumber} />
                    <Table.Td>
                      <bdi dir="ltr">{p.transferReference}</bdi>
                      <Text size="xs" c="dimmed">
                        {money.channel(p.channel)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.paidAt)}</Table.Td>
                    <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                      {money.halalas(p.amountHalalas)}
                    </Table.Td>
                    <Table.Td>
                      {p.recordedBy.name}
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(p.recordedAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {p.proofAttachmentId !== null ? (
                        <Button size="compact-sm" variant="subtle" onClick={() => void openProof(p.proofAttachmentId!)}>
                          {t('finOpenProof')}
                        </Button>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {mine ? (
                        <Badge variant="light" color="yellow">
                          {t('finWaitingOtherOfficer')}
                        </Badge>
                      ) : (
                        officer && (
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="compact-sm"
                              loading={confirm.isPending && confirm.variables === p.paymentId}
                              onClick={() => confirm.mutate(p.paymentId)}
                              aria-label={`${t('finConfirmPayment')} ${p.transferReference}`}
                            >
                              {t('finConfirmPayment')}
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="light"
                              color="red"
                              onClick={() => {
                                refuse.reset();
                                setReason('');
                                setRefusing(p);
                              }}
                              aria-label={`${t('finRefusePayment')} ${p.transferReference}`}
                            >
                              {t('finRefusePayment')}
                            </Button>
                          </Group>
                        )
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {q.data && rows.length > 0 && <Text size="xs" c="dimmed">{`${countText(lang, 'payments', rows.length)} ${t('finWaitingCount')}`}</Text>}

      <Modal opened={refusing !== null} onClose={() => setRefusing(null)} title={t('finRefusePayment')}>
        {refusing && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              refuse.mutate({ paymentId: refusing.paymentId, reason: reason.trim() });
            }}
          >
            <Stack>
              <Text size="sm">
                <BidiParts parts={[refusing.transferReference, money.halalas(refusing.amountHalalas), refusing.recordedBy.name]} />
              </Text>
              <Textarea
                label={t('finRefuseReason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                required
                autosize
                minRows={2}
                data-autofocus
              />
              <FormActions
                error={refuse.error}
                onCancel={() => setRefusing(null)}
                submitLabel={t('finRefusePayment')}
                color="red"
                loading={refuse.isPending}
                disabled={reason.trim().length < 3}
              />
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
