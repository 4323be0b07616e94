import { useQuery } from '@tanstack/react-query';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { CountedNavLink } from './CountedNavLink';
import { routeHref, useRoute } from '../route';
import { isSupervisor } from '../../../shared/domain';

/** The navigation's "Escalations" for supervisors (approvers and admins), with how many requests are overdue or due today. */
export function EscalationsNavLink() {
  const { client, user } = useSession();
  const { t } = useLocale();
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
    <CountedNavLink
      href={routeHref({ page: 'escalations' })}
      label={t('escalations')}
      active={route.page === 'escalations'}
      count={n}
      color="red.9"
      testId="escalations-count"
    />
  );
}
