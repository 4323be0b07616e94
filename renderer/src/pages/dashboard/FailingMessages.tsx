import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { routeHref } from '../../route';
import { failingCount, stateLabel } from '../outbox/delivery-states';
import { outboxCountsQuery } from '../outbox/outbox-queries';

/**
 * The admin's count of messages that need a person now (failed and retrying, or given up), each
 * linking to the Outbox filtered by it. Not bound to the dashboard's dates: it is the outbox today.
 */
export function FailingMessages() {
  const { client } = useSession();
  const { t, formatNumber } = useLocale();
  const q = useQuery(outboxCountsQuery(client));
  if (!q.data) return null;
  const total = failingCount(q.data);
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="failing-messages" w="fit-content" miw={280}>
      <Stack gap={2}>
        <Text size="sm" c="dimmed" id="failing-messages">
          {t('failingMessages')}
        </Text>
        <Text fw={700} size="xl" c={total > 0 ? 'red.9' : undefined} data-testid="failing-total">
          {formatNumber(total)}
        </Text>
        <Group gap="md">
          {(['failed', 'dead'] as const).map((s) => (
            <Anchor key={s} href={routeHref({ page: 'outbox', state: s })} size="sm" underline="always">
              {`${t(stateLabel(s))}: ${formatNumber(q.data[s])}`}
            </Anchor>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
