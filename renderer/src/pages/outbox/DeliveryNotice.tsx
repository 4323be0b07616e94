import { Alert, Anchor, Code, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { DeliverySettingsView } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { routeHref } from '../../route';
import { deliverySettingsQuery } from './outbox-queries';

/**
 * On the Outbox: why nothing leaves (no relay set) or where demo messages go instead. Only an admin
 * may read the delivery settings, so for anyone else nothing is guessed and nothing is shown.
 */
export function DeliveryNotice({ isAdmin }: { isAdmin: boolean }) {
  const { client } = useSession();
  const q = useQuery({ ...deliverySettingsQuery(client), enabled: isAdmin });
  const view = isAdmin ? q.data : undefined;
  return view ? <DeliveryStatusAlerts view={view} linkToSettings /> : null;
}

/** What the settings mean for the messages now: stuck in the queue (and why), or captured to a folder. */
export function DeliveryStatusAlerts({ view, linkToSettings = false }: { view: DeliverySettingsView; linkToSettings?: boolean }) {
  const { t } = useLocale();
  if (!view.why && !view.capture) return null;
  // The folder is a path, shown apart (left to right) inside the sentence.
  const [before, after] = t('deliveryCapture').split('{folder}');
  return (
    <Stack gap="xs">
      {view.why && (
        <Alert color="yellow" role="status">
          <Text size="sm" fw={700}>
            {t(`deliveryWhy_${view.why}`)}
          </Text>
          {linkToSettings && (
            <Anchor href={routeHref({ page: 'settings' })} size="sm" c="dark.7" underline="always">
              {t('openSettings')}
            </Anchor>
          )}
        </Alert>
      )}
      {view.capture && (
        <Alert color="blue" role="status">
          {before}
          <Code dir="ltr">{view.capture.folder}</Code>
          {after}
        </Alert>
      )}
    </Stack>
  );
}
