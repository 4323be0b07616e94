import { useState } from 'react';
import { Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { DeliveryState } from '../../../shared/domain';
import { useSession } from '../api/session';
import { mayCall } from '../api/may-call';
import { useLocale } from '../i18n/locale';
import { fill } from '../i18n/fill';
import { countText } from '../i18n/counts';
import { errorText } from '../components/errors';
import { navigate } from '../route';
import { DeliveryNotice } from './outbox/DeliveryNotice';
import { OutboxMessageCard } from './outbox/OutboxMessageCard';
import { StateFilter } from './outbox/StateFilter';
import { OUTBOX_MAX, OUTBOX_PAGE, outboxCountsQuery, outboxListQuery } from './outbox/outbox-queries';

/** Typing pauses this long before the desk is asked: one search per thought, not per key. */
const SEARCH_PAUSE_MS = 300;

/**
 * The applicants' messages (e-mail and SMS) queued by decisions, newest first, by delivery state
 * (kept in the address, so the dashboard links to the failing ones and Back works), with a search.
 */
export function OutboxPage({ state = null }: { state?: DeliveryState | null }) {
  const { client, user } = useSession();
  const { t, lang } = useLocale();
  const isAdmin = mayCall(user?.roles, 'outbox.resend');
  // Only the roles that see applicants' addresses search by one (electron/core/cases/outbox.ts refuses the others, saying why).
  const seesAddresses = user?.roles.some((r) => r === 'reviewer' || r === 'approver' || r === 'admin') ?? false;
  const [search, setSearch] = useState('');
  const [searched] = useDebouncedValue(search, SEARCH_PAUSE_MS);
  // "Show more" holds for one filter and search; another starts again from the newest page.
  const filterKey = `${state ?? ''}|${searched.trim()}`;
  const [more, setMore] = useState({ key: filterKey, limit: OUTBOX_PAGE });
  const limit = more.key === filterKey ? more.limit : OUTBOX_PAGE;
  const counts = useQuery(outboxCountsQuery(client));
  const list = useQuery(outboxListQuery(client, { state, search: searched, limit }));
  const rows = list.data ?? [];
  const mayHaveMore = rows.length === limit && limit < OUTBOX_MAX;
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('outbox')}
      </Title>
      <DeliveryNotice isAdmin={isAdmin} />
      {/* One line with the states: the label goes to the box's name and its hint, leaving the height to the messages. */}
      <Group align="center" justify="space-between" gap="xs">
        <StateFilter value={state} counts={counts.data} onChange={(s) => navigate(s ? { page: 'outbox', state: s } : { page: 'outbox' })} />
        <TextInput
          type="search"
          aria-label={t('outboxSearch')}
          placeholder={t(seesAddresses ? 'outboxSearchHint' : 'outboxSearchHintNoAddress')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maxLength={100}
          w={220}
        />
      </Group>
      {counts.isError && <Alert color="red">{errorText(counts.error, lang)}</Alert>}
      {list.isPending && <Loader role="status" aria-label={t('loading')} />}
      {list.isError && <Alert color="red">{errorText(list.error, lang)}</Alert>}
      {list.data && rows.length === 0 && <Text c="dimmed">{t('outboxEmpty')}</Text>}
      {/* While the next filter's answer is on its way, the last one stays (dimmed), so nothing jumps. */}
      <Stack gap="sm" aria-busy={list.isPlaceholderData} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
        {rows.map((m) => (
          <OutboxMessageCard key={m.id} message={m} isAdmin={isAdmin} />
        ))}
      </Stack>
      {rows.length === limit && (
        <Group>
          <Text size="sm" c="dimmed">
            {fill(t('outboxShown'), { n: countText(lang, 'messages', limit) })}
          </Text>
          {mayHaveMore && (
            <Button
              variant="light"
              loading={list.isPlaceholderData}
              onClick={() => setMore({ key: filterKey, limit: Math.min(limit + OUTBOX_PAGE, OUTBOX_MAX) })}
            >
              {t('outboxShowMore')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
