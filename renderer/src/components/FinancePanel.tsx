import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Loader, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TERMS, type AttachmentView, type CaseFinance, type RefundGroundInput, type RefundView } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useMayCall } from '../api/may-call';
import { useLocale } from '../i18n/locale';
import { errorText, type ShownError } from './errors';
import { BidiParts, BidiText } from './BidiText';
import { InvoiceCard } from './InvoiceCard';
import { useMoney } from './money';
import { DayInput } from './DayInput';
import { ManualPaymentForm } from './ManualPaymentForm';
import { RecordedRefundFacts } from './RecordedRefundFacts';

const today = () => new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);

/** Invoices, payments and refunds of one case; finance officers compute, approve (another officer) and pay. */
export function FinancePanel({ requestId, attachments }: { requestId: number; attachments: AttachmentView[] }) {
  const { client, user } = useSession();
  const { t, lang, formatDateTime } = useLocale();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['refunds.forCase', requestId], queryFn: () => client.call('refunds.forCase', { requestId }) });
  const [requestedAtInput, setRequestedAt] = useState<string | null>(null);
  const [directed, setDirected] = useState<string | null>(null);
  const [useDirected, setUseDirected] = useState(false);
  const [wrongPath, setWrongPath] = useState<'staff' | 'system' | null>(null);
  const [latePrior, setLatePrior] = useState<string | null>(null);
  const [useLatePrior, setUseLatePrior] = useState(false);
  const [exempt, setExempt] = useState('');
  const [payout, setPayout] = useState('');
  // A computed refund shows the facts its maker used; the form opens (filled with them) only to recompute.
  const [recompute, setRecompute] = useState(false);
  const [error, setError] = useState<ShownError>(null);
  // Who may record, compute, approve and pay: the contract's access, as the desk checks it (the states below are the desk's too).
  const mayCall = useMayCall();
  const officer = mayCall('refunds.compute');
  const sar = useMoney().riyals;
  const proofs = attachments.map((a) => ({
    value: String(a.id),
    label: `${(TERMS.attachment_kinds as Record<string, { ar: string; en: string }>)[a.kind]?.[lang] ?? a.kind} · ${a.fileName}`,
  }));

  const grounds = (): RefundGroundInput[] => [
    ...(useDirected ? [{ kind: 'directed_in_writing' as const, ...(directed ? { proofAttachmentId: Number(directed) } : {}) }] : []),
    ...(wrongPath ? [{ kind: 'wrong_path' as const, by: wrongPath }] : []),
    ...(useLatePrior ? [{ kind: 'late_fee_prior_attempts' as const, ...(latePrior ? { proofAttachmentId: Number(latePrior) } : {}) }] : []),
    ...(exempt.trim() ? [{ kind: 'exempt_category' as const, category: exempt.trim() }] : []),
  ];
  /** Opens the form with the facts a computed refund recorded, to change one of them rather than start again. */
  function recomputeFrom(r: RefundView) {
    const directedGround = r.grounds.find((g) => g.kind === 'directed_in_writing');
    const lateGround = r.grounds.find((g) => g.kind === 'late_fee_prior_attempts');
    const wrong = r.grounds.find((g) => g.kind === 'wrong_path');
    const exemptGround = r.grounds.find((g) => g.kind === 'exempt_category');
    setRequestedAt(r.requestedAt?.slice(0, 10) ?? null);
    setUseDirected(directedGround !== undefined);
    setDirected(directedGround?.proofAttachmentId !== undefined ? String(directedGround.proofAttachmentId) : null);
    setUseLatePrior(lateGround !== undefined);
    setLatePrior(lateGround?.proofAttachmentId !== undefined ? String(lateGround.proofAttachmentId) : null);
    setWrongPath(wrong?.by ?? null);
    setExempt(exemptGround?.category ?? '');
    setRecompute(true);
  }
  async function run(call: () => Promise<CaseFinance>) {
    setError(null);
    try {
      queryClient.setQueryData(['refunds.forCase', requestId], await call());
      setRecompute(false);
      await queryClient.invalidateQueries({ queryKey: ['queues.counts'] });
    } catch (e) {
      setError(e);
    }
  }

  if (q.isPending) return <Loader size="sm" />;
  if (q.isError) return <Alert color="red">{errorText(q.error, lang)}</Alert>;
  const f = q.data;
  if (f.invoices.length === 0) return <Text c="dimmed">{t('noInvoice')}</Text>;
  const open = f.refunds.find((r) => r.status === 'requested' || r.status === 'computed');
  // Only money received (a confirmed payment) can be given back; the main process refuses the rest.
  const received = f.invoices.some((inv) => inv.paid > 0);
  const settled = f.refunds.some((r) => r.status === 'approved' || r.status === 'paid');
  // The refund counts from the day the applicant asked for it, not the day finance gets to it.
  const requestedAt = requestedAtInput ?? open?.requestedAt?.slice(0, 10) ?? today();
  const computed = open?.status === 'computed' ? open : undefined;

  return (
    <Stack>
      {f.invoices.map((inv) => (
        <InvoiceCard key={inv.id} inv={inv} />
      ))}
      {mayCall('payments.recordManual') &&
        f.invoices
          .filter((inv) => inv.status === 'unpaid' || inv.status === 'partially_paid')
          .map((inv) => (
            <ManualPaymentForm
              key={`record-${inv.id}`}
              invoice={inv}
              attachments={attachments}
              onRecorded={(next) => {
                queryClient.setQueryData(['refunds.forCase', requestId], next);
                // An uploaded proof is a new attachment of the case; the checker's list has a new row.
                void queryClient.invalidateQueries({ queryKey: ['cases.get'] });
                void queryClient.invalidateQueries({ queryKey: ['payments.pendingManual'] });
              }}
            />
          ))}

      {f.refunds.map((r) => (
        <RefundCard key={r.id} r={r} sar={sar} />
      ))}

      {error !== null && <Alert color="red">{errorText(error, lang)}</Alert>}
      {/* An officer computes the refund straight away; others ask for it. */}
      {!officer && mayCall('refunds.request') && received && !open && !settled && (
        <Button
          variant="light"
          onClick={() => void run(() => client.call('refunds.request', { requestId, grounds: [] }))}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('requestRefund')}
        </Button>
      )}
      {/* Nothing received, nothing to compute; a refund already open (asked before that was refused) is still worked. */}
      {officer && computed && <RecordedRefundFacts r={computed} attachments={attachments} sar={sar} />}
      {officer && computed && !recompute && (
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => recomputeFrom(computed)}>
            {t('refundRecompute')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('refundRecomputeNote')}
          </Text>
        </Group>
      )}
      {officer && (received || open) && !settled && (!computed || recompute) && (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Title order={4} size="h6">
              {t('computeRefund')}
            </Title>
            <DayInput label={t('refundRequestedAt')} value={requestedAt} onChange={(d) => setRequestedAt(d ?? '')} w={200} />
            <Checkbox label={t('ground_directed')} checked={useDirected} onChange={(e) => setUseDirected(e.currentTarget.checked)} />
            {useDirected && (
              <Select placeholder={t('noProof')} data={proofs} value={directed} onChange={setDirected} clearable aria-label={t('proof')} />
            )}
            <Select
              label={t('ground_wrong_path')}
              data={[
                { value: 'staff', label: t('byStaff') },
                { value: 'system', label: t('bySystem') },
              ]}
              value={wrongPath}
              onChange={(v) => setWrongPath(v as 'staff' | 'system' | null)}
              clearable
            />
            <Checkbox label={t('ground_late_prior')} checked={useLatePrior} onChange={(e) => setUseLatePrior(e.currentTarget.checked)} />
            {useLatePrior && (
              <Select placeholder={t('noProof')} data={proofs} value={latePrior} onChange={setLatePrior} clearable aria-label={t('proof')} />
            )}
            <TextInput label={t('ground_exempt')} value={exempt} onChange={(e) => setExempt(e.currentTarget.value)} />
            <Button
              onClick={() => void run(() => client.call('refunds.compute', { requestId, requestedAt, grounds: grounds() }))}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('computeRefund')}
            </Button>
          </Stack>
        </Paper>
      )}
      {officer &&
        f.refunds
          .filter((r) => r.status === 'computed' || r.status === 'approved')
          .map((r) => (
            <Group key={r.id}>
              {r.status === 'computed' && (
                <Button
                  color="teal"
                  disabled={r.computedBy?.id === user?.id}
                  onClick={() => void run(() => client.call('refunds.approve', { refundId: r.id }))}
                >
                  {r.computedBy?.id === user?.id ? t('approveRefundOther') : t('approveRefund')}
                </Button>
              )}
              {r.status === 'approved' && (
                <>
                  <TextInput
                    aria-label={t('payoutReference')}
                    placeholder={t('payoutReference')}
                    value={payout}
                    onChange={(e) => setPayout(e.currentTarget.value)}
                    dir="ltr"
                  />
                  <Button
                    disabled={!payout.trim()}
                    onClick={() => void run(() => client.call('refunds.recordPayout', { refundId: r.id, reference: payout.trim() }))}
                  >
                    {t('recordPayout')}
                  </Button>
                </>
              )}
            </Group>
          ))}
      <Text size="xs" c="dimmed">
        {f.refunds[0]?.computedAt ? `${t('computedAt')} ${formatDateTime(f.refunds[0].computedAt)}` : ''}
      </Text>
    </Stack>
  );
}

function RefundCard({ r, sar }: { r: RefundView; sar: (n: number) => string }) {
  const { t, pick } = useLocale();
  return (
    <Paper withBorder p="sm" aria-label={t('refund')}>
      <Group justify="space-between">
        <Text fw={700}>
          <BidiParts parts={[t('refund'), r.invoiceNumber]} />
        </Text>
        <Badge
          variant="light"
          color={r.status === 'paid' ? 'green' : r.status === 'approved' ? 'teal' : 'yellow'}
          styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}
        >
          {t(`refund_${r.status}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {[
          r.requestedBy && `${t('requestedBy')} ${r.requestedBy}`,
          r.computedBy && `${t('computedBy')} ${r.computedBy.name}`,
          r.approvedBy && `${t('approvedBy')} ${r.approvedBy}`,
          r.payoutReference && `${t('payoutReference')} ${r.payoutReference}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {r.result && (
        <Table mt="xs" aria-label={t('refundLines')}>
          <Table.Tbody>
            {r.result.lines.map((l, i) => (
              <Table.Tr key={`l${i}`}>
                <Table.Td w={150} dir="ltr">
                  {l.rule}
                </Table.Td>
                <Table.Td>
                  <BidiText text={pick(l.explanation)} />
                </Table.Td>
                <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                  {sar(l.amount)}
                </Table.Td>
              </Table.Tr>
            ))}
            {r.result.denials.map((d, i) => (
              <Table.Tr key={`d${i}`} c="red.9">
                <Table.Td dir="ltr">{d.rule}</Table.Td>
                <Table.Td>
                  <BidiText text={pick(d.explanation)} />
                </Table.Td>
                <Table.Td ta="end">—</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th colSpan={2}>{t('total')}</Table.Th>
              <Table.Th ta="end" style={{ whiteSpace: 'nowrap' }}>
                {sar(r.result.total)}
              </Table.Th>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
