import { Badge, NavLink } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { countText } from '../i18n/counts';
import { routeHref, useRoute } from '../route';
import { isSupervisor } from '../../../shared/domain';

/** The navigation's "Escalations" for supervisors (approvers and admins), with how many requests are overdue or due today. */
export function EscalationsNavLink() {
  const { client, user } = useSession();
  const { t, lang, formatNumber } = useLocale();
  const route = useRoute();
  const supervises = isSupervisor(user?.roles ?? []);
  const list = useQuery({
    queryKey: ['escalations.list'],
    queryFn: () => client.call('escalations.list', {}),
    enabled: supervises,
    refetchInterval: 60_000,
  });
  if (!supervises) return null;
  const n = list.data ? list.data.overdue + list.data.dueToday : undefined;
  return (
    <NavLink
      href={routeHref({ page: 'escalations' })}
      label={t('escalations')}
      active={route.page === 'escalations'}
      rightSection={
        n !== undefined ? (
          <Badge
            variant={n > 0 ? 'filled' : 'light'}
            color={n > 0 ? 'red.9' : undefined}
            size="sm"
            aria-label={countText(lang, 'requests', n)}
            data-testid="escalations-count"
          >
            {formatNumber(n)}
          </Badge>
        ) : null
      }
    />
  );
}
