import { Alert, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { errorText } from '../../components/errors';
import { outcomeLabel } from './delivery-states';
import { RelayText } from '../../components/RelayText';
import { MESSAGES } from '../../i18n/messages';
import { outboxHistoryQuery } from './outbox-queries';

/** Every try of one message with the relay's words, and each admin's resend or cancel; asked for only when opened. */
export function DeliveryHistory({ id }: { id: number }) {
  const { client } = useSession();
  const { t, lang, formatDateTime } = useLocale();
  const q = useQuery(outboxHistoryQuery(client, id));
  if (q.isPending) return <Loader role="status" size="sm" aria-label={t('loading')} />;
  if (q.isError) return <Alert color="red">{errorText(q.error, lang)}</Alert>;
  if (q.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('noAttemptsYet')}
      </Text>
    );
  return (
    <Table withTableBorder aria-label={t('deliveryHistory')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>{t('attemptAt')}</Table.Th>
          <Table.Th w={240}>{t('attemptOutcome')}</Table.Th>
          <Table.Th>{t('attemptDetail')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {q.data.map((a, i) => (
          <Table.Tr key={`${a.at}-${i}`}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.at)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {t(outcomeLabel(a.outcome))}
              {a.by && (
                <Text span size="xs" c="dimmed">
                  {` ${t('attemptBy')} `}
                  <bdi dir="auto">{a.by}</bdi>
                </Text>
              )}
            </Table.Td>
            {/* The relay answers in its own words (usually English): its meaning is worded, its words folded for support. */}
            <Table.Td style={{ wordBreak: 'break-word' }}>
              {a.detail ? <RelayText text={a.detail} otherwise={MESSAGES.relayOwnWords} /> : '—'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
