import { memo } from 'react';
import { Button, Checkbox, Table, Text } from '@mantine/core';
import { TERMS, type PrintQueueRow } from '../../../../shared/domain';
import { Ltr } from '../../components/BidiText';
import { useLocale } from '../../i18n/locale';
import { deliveryPhrase } from './delivery-phrases';

export type PrintStage = 'ready' | 'printed' | 'delivered';

/**
 * The cards at one stage, each with its box for a batch: reference, holder, card number (once issued),
 * prints so far, and the delivery once recorded; a printed card not yet delivered offers to record it.
 * Memoised: Print's pending state and the preview opening redraw the page, not its hundred rows (~100 ms each here).
 */
export const PrintQueueTable = memo(function PrintQueueTable({
  list,
  stage,
  selected,
  onToggle,
  onToggleAll,
  onDeliver,
}: {
  list: PrintQueueRow[];
  stage: PrintStage;
  selected: ReadonlySet<number>;
  onToggle(id: number): void;
  onToggleAll(): void;
  onDeliver(r: PrintQueueRow): void;
}) {
  const { t, pick, lang, formatNumber, formatDateTime } = useLocale();
  const chosen = list.filter((r) => selected.has(r.id)).length;
  const allChosen = list.length > 0 && chosen === list.length;
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>
            <Checkbox aria-label={t('selectAll')} checked={allChosen} indeterminate={chosen > 0 && !allChosen} onChange={onToggleAll} />
          </Table.Th>
          <Table.Th>{t('reference')}</Table.Th>
          <Table.Th>{t('applicant')}</Table.Th>
          <Table.Th>{t('idNumber')}</Table.Th>
          <Table.Th>{t('cardNumber')}</Table.Th>
          <Table.Th>{t('prints')}</Table.Th>
          <Table.Th>{t('delivery')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Checkbox aria-label={`${t('selectRow')} ${r.reference}`} checked={selected.has(r.id)} onChange={() => onToggle(r.id)} />
            </Table.Td>
            {/* References and card numbers are one token each: never broken across lines. */}
            <Table.Td dir="ltr" style={{ textAlign: 'start', whiteSpace: 'nowrap' }}>
              <a href={`#/case/${r.id}`}>{r.reference}</a>
            </Table.Td>
            <Table.Td dir="auto">{lang === 'ar' ? r.nameAr : r.nameEn}</Table.Td>
            <Table.Td>
              <Ltr>{r.idNumber}</Ltr>
            </Table.Td>
            <Table.Td>
              {r.cardNumber ? (
                <span dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                  {r.cardNumber}
                </span>
              ) : (
                <Text c="dimmed" size="sm">
                  {t('notIssuedYet')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{formatNumber(r.prints)}</Table.Td>
            <Table.Td>
              {r.delivery ? (
                <Text size="sm">
                  {`${pick(TERMS.delivery[r.delivery.method])} · `}
                  {r.delivery.method === 'mail' ? (
                    <bdi dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                      {r.delivery.trackingNumber}
                    </bdi>
                  ) : (
                    <>
                      <bdi>{deliveryPhrase(r.delivery.branch, t)}</bdi>
                      {' — '}
                      <bdi>{deliveryPhrase(r.delivery.receiverName, t)}</bdi>
                    </>
                  )}
                  {' · '}
                  <bdi style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.delivery.at)}</bdi>
                </Text>
              ) : stage === 'printed' ? (
                <Button size="compact-sm" variant="light" onClick={() => onDeliver(r)}>
                  {pick(TERMS.actions.record_delivery)}
                </Button>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
});
