import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { TERMS, type AttachmentView, type RefundGroundInput, type RefundView } from '../../../shared/domain';
import { useLocale } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';
import { fill } from '../i18n/fill';
import { BidiParts, Ltr } from './BidiText';

const GROUND_LABELS: Record<RefundGroundInput['kind'], MessageKey> = {
  directed_in_writing: 'ground_directed',
  wrong_path: 'ground_wrong_path',
  late_fee_prior_attempts: 'ground_late_prior',
  exempt_category: 'ground_exempt',
};

/**
 * The facts a computed refund was computed with, as its maker recorded them (the refund row's facts),
 * read-only beside the amount: the checker approves what the maker computed, not an empty form (#17).
 */
export function RecordedRefundFacts({ r, attachments, sar }: { r: RefundView; attachments: AttachmentView[]; sar: (n: number) => string }) {
  const { t, lang, formatDate, formatDateTime } = useLocale();
  const kinds = TERMS.attachment_kinds as Record<string, { ar: string; en: string }>;
  const proof = (id: number | undefined) => {
    if (id === undefined) return t('noProof');
    const a = attachments.find((x) => x.id === id);
    return a ? `${kinds[a.kind]?.[lang] ?? a.kind} · ${a.fileName}` : `#${id}`;
  };
  const detail = (g: RefundGroundInput): string => {
    switch (g.kind) {
      case 'wrong_path':
        return g.by === 'staff' ? t('byStaff') : t('bySystem');
      case 'exempt_category':
        return g.category;
      default:
        return proof(g.proofAttachmentId);
    }
  };
  return (
    <Paper withBorder p="sm" bg="gray.0" aria-label={fill(t('refundFactsUsed'), { name: r.computedBy?.name ?? '—' })}>
      <Stack gap="xs">
        <Title order={4} size="h6">
          {fill(t('refundFactsUsed'), { name: r.computedBy?.name ?? '—' })}
        </Title>
        <Table withRowBorders={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={280}>{t('refundRequestedAt')}</Table.Th>
              <Table.Td>{r.requestedAt ? formatDate(r.requestedAt.slice(0, 10)) : '—'}</Table.Td>
            </Table.Tr>
            {r.grounds.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={2}>
                  <Text size="sm" c="dimmed">
                    {t('refundNoGrounds')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              r.grounds.map((g, i) => (
                <Table.Tr key={i} data-ground={g.kind}>
                  <Table.Th>{t(GROUND_LABELS[g.kind])}</Table.Th>
                  <Table.Td>
                    <BidiParts parts={[detail(g)]} />
                  </Table.Td>
                </Table.Tr>
              ))
            )}
            <Table.Tr>
              <Table.Th>{t('refundComputedByLabel')}</Table.Th>
              <Table.Td>
                <BidiParts parts={[r.computedBy?.name ?? '—', r.computedAt ? formatDateTime(r.computedAt) : '—']} />
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('refundPolicyVersion')}</Table.Th>
              <Table.Td>
                <Ltr>{r.policyVersion === null ? '—' : String(r.policyVersion)}</Ltr>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('refundComputedAmount')}</Table.Th>
              <Table.Td fw={700} data-testid="refund-computed-amount">
                {r.result ? sar(r.result.total) : '—'}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
