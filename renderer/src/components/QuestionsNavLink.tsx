import { Badge, NavLink } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { countText } from '../i18n/counts';
import { routeHref, useRoute } from '../route';

/** The navigation's "Questions for me", with how many wait for the user's answer (reviewers and approvers). */
export function QuestionsNavLink() {
  const { client, user } = useSession();
  const { t, lang, formatNumber } = useLocale();
  const route = useRoute();
  const asked = user?.roles.some((r) => r === 'reviewer' || r === 'approver') ?? false;
  const waiting = useQuery({
    queryKey: ['referrals.waitingCount'],
    queryFn: () => client.call('referrals.waitingCount', {}),
    enabled: asked,
  });
  if (!asked) return null;
  const n = waiting.data?.count;
  return (
    <NavLink
      href={routeHref({ page: 'questions' })}
      label={t('refQuestionsForMe')}
      active={route.page === 'questions'}
      rightSection={
        n !== undefined ? (
          <Badge
            variant={n > 0 ? 'filled' : 'light'}
            color={n > 0 ? 'blue.9' : undefined}
            size="sm"
            aria-label={countText(lang, 'requests', n)}
            data-testid="questions-count"
          >
            {formatNumber(n)}
          </Badge>
        ) : null
      }
    />
  );
}
