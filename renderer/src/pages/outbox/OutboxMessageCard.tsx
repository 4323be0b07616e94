import { memo, useId, useState } from 'react';
import { Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import type { OutboxMessage } from '../../../../shared/domain';
import { useLocale } from '../../i18n/locale';
import { DeliveryStateBadge } from './DeliveryStateBadge';
import { DeliveryHistory } from './DeliveryHistory';
import { MessageActions } from './MessageActions';
import { RelayText } from '../../components/RelayText';
import { MESSAGES } from '../../i18n/messages';
import { BidiParts, Labelled, Ltr } from '../../components/BidiText';

/**
 * One message: where it goes, its state and the last word from the relay; its history and text open
 * on request. Kept to few elements: a busy outbox lists many of them.
 */
export const OutboxMessageCard = memo(function OutboxMessageCard({ message: m, isAdmin }: { message: OutboxMessage; isAdmin: boolean }) {
  const { t, lang, formatNumber, formatDateTime } = useLocale();
  const [history, setHistory] = useState(false);
  const [text, setText] = useState(false);
  const ids = useId();
  const facts = [
    <Labelled key="q" label={t('queuedAt')} value={formatDateTime(m.createdAt)} />,
    m.sentAt && <Labelled key="s" label={t('sentAt')} value={formatDateTime(m.sentAt)} />,
    <Labelled key="a" label={t('deliveryAttempts')} value={formatNumber(m.attempts)} />,
    m.nextAttemptAt && (m.state === 'failed' || m.state === 'queued') && (
      <Labelled key="n" label={t('nextAttemptAt')} value={formatDateTime(m.nextAttemptAt)} />
    ),
  ];
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={`${ids}-subject`} data-message-state={m.state}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text fw={700} id={`${ids}-subject`}>
          {lang === 'ar' ? m.subjectAr : m.subjectEn}
        </Text>
        <Group gap="xs" wrap="nowrap">
          {m.hasAttachment && (
            <Badge variant="outline" color="gray.7" styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
              {t('withAttachment')}
            </Badge>
          )}
          <DeliveryStateBadge state={m.state} />
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {`${t(`channel_${m.channel}`)} · ${t('to')}: `}
        {/* An empty address or body: withheld from this user's roles by the desk (auth/visibility.ts). */}
        {m.to ? <Ltr>{m.to}</Ltr> : t('withheldForRole')}
        {m.reference && ` · ${t('reference')}: `}
        {m.reference && <Ltr>{m.reference}</Ltr>}
      </Text>
      <Text size="sm" mt={6}>
        <BidiParts parts={facts} />
      </Text>
      {m.lastError && m.state !== 'sent' && m.state !== 'cancelled' && (
        <Text size="sm" c="red.9" style={{ wordBreak: 'break-word' }}>
          {`${t('lastError')}: `}
          <RelayText text={m.lastError} otherwise={MESSAGES.relayFailed} />
        </Text>
      )}
      {m.relayAnswer && (
        <Text size="sm" style={{ wordBreak: 'break-word' }}>
          {`${t('relayAnswer')}: `}
          <RelayText text={m.relayAnswer} otherwise={MESSAGES.relayOwnWords} />
        </Text>
      )}
      <Group justify="space-between" mt={6}>
        <Group gap="md">
          <Anchor
            component="button"
            type="button"
            size="sm"
            fw={history ? 700 : 500}
            aria-expanded={history}
            aria-controls={`${ids}-history`}
            onClick={() => setHistory((o) => !o)}
          >
            {t('deliveryHistory')}
          </Anchor>
          <Anchor
            component="button"
            type="button"
            size="sm"
            fw={text ? 700 : 500}
            aria-expanded={text}
            aria-controls={`${ids}-text`}
            onClick={() => setText((o) => !o)}
          >
            {t('messageText')}
          </Anchor>
        </Group>
        {isAdmin && <MessageActions message={m} />}
      </Group>
      {/* Opened on request only: a long outbox stays a light page, and the history is asked for when wanted. */}
      <div id={`${ids}-history`} hidden={!history}>
        {history && <DeliveryHistory id={m.id} />}
      </div>
      <div id={`${ids}-text`} hidden={!text}>
        {!text ? null : m.bodyAr || m.bodyEn ? (
          <>
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }} dir="rtl" lang="ar">
              {m.bodyAr}
            </Text>
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }} dir="ltr" lang="en">
              {m.bodyEn}
            </Text>
          </>
        ) : (
          <Text size="sm" mt="xs" c="dimmed">
            {t('withheldForRole')}
          </Text>
        )}
      </div>
    </Paper>
  );
});
