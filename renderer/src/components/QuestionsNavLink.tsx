import { useQuery } from '@tanstack/react-query';
import { useSession } from '../api/session';
import { mayCall } from '../api/may-call';
import { useLocale } from '../i18n/locale';
import { CountedNavLink } from './CountedNavLink';
import { routeHref, useRoute } from '../route';

/** The navigation's "Questions for me", with how many wait for the user's answer (reviewers and approvers). */
export function QuestionsNavLink() {
  const { client, user } = useSession();
  const { t } = useLocale();
  const route = useRoute();
  const asked = mayCall(user?.roles, 'referrals.waitingCount');
  const waiting = useQuery({
    queryKey: ['referrals.waitingCount'],
    queryFn: () => client.call('referrals.waitingCount', {}),
    enabled: asked,
  });
  if (!asked) return null;
  const n = waiting.data?.count;
  return (
    <CountedNavLink
      href={routeHref({ page: 'questions' })}
      label={t('refQuestionsForMe')}
      active={route.page === 'questions'}
      count={n}
      color="blue.9"
      testId="questions-count"
    />
  );
}
