import { memo } from 'react';
import { Badge, Table, Text } from '@mantine/core';
import { SERVICE_LABELS, type QueueRow } from '../../../../shared/domain';
import { Ltr } from '../../components/BidiText';
import { ReferralMarkBadge } from '../../components/ReferralMarkBadge';
import { SlaBadge } from '../../components/SlaBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { useLocale } from '../../i18n/locale';

/** Calendar days until a returned request's response window closes (Riyadh dates). */
const daysLeft = (due: string) => Math.round((Date.parse(`${due}T00:00:00+03:00`) - Date.now()) / 86_400_000) + 1;

/**
 * One request's cells in a queue, after its selection box: the columns of QueueTable's header, in order. Drawn
 * again only when its row changes (rows keep their identity while cached): a chunk arriving or the cursor moving
 * leaves the other rows' cells alone.
 */
export const QueueRowCells = memo(function QueueRowCells({ r }: { r: QueueRow }) {
  const { t, pick, lang, formatDateParts, formatNumber } = useLocale();
  return (
    <>
      <Table.Td dir="ltr" style={{ whiteSpace: 'nowrap' }}>
        <a href={`#/case/${r.id}`}>{r.reference}</a>
      </Table.Td>
      <Table.Td>{pick(SERVICE_LABELS[r.service])}</Table.Td>
      <Table.Td miw={200}>
        <Text size="sm" lineClamp={1}>
          <bdi dir="auto">{lang === 'ar' ? r.nameAr : r.nameEn}</bdi>
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          <bdi dir="auto">{lang === 'ar' ? r.nameEn : r.nameAr}</bdi>
        </Text>
      </Table.Td>
      <Table.Td>
        <Ltr>{r.idNumber}</Ltr>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{formatDateParts(r.submittedAt).gregorian}</Text>
        <Text size="xs" c="dimmed">
          {formatDateParts(r.submittedAt).hijri}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge
          color={r.ageDays > 10 ? 'red' : r.ageDays > 5 ? 'yellow' : 'green'}
          variant="light"
          styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}
        >
          {formatNumber(r.ageDays)}
        </Badge>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <SlaBadge sla={r.sla} plainTitle />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {r.assignee ? (
          <bdi dir="auto">{r.assignee.displayName}</bdi>
        ) : (
          <Text span c="dimmed" size="sm">
            {t('unassigned')}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <StatusBadge status={r.status} />
        <ReferralMarkBadge mark={r.referral} />
        {r.returnDueAt && (
          <Text size="xs" c={daysLeft(r.returnDueAt) <= 5 ? 'red.9' : 'dimmed'}>
            {`${t('daysLeft')}: ${formatNumber(Math.max(0, daysLeft(r.returnDueAt)))}`}
          </Text>
        )}
      </Table.Td>
    </>
  );
});
