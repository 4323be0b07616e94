import { Badge, NavLink, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { SavedViewEntry } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { VIEW_WORDS } from '../i18n/view-words';
import { countText } from '../i18n/counts';
import { routeHref, useRoute } from '../route';

/** The saved views a user sees: the caller's own, then the team's; the list and its counts for every page that needs them. */
export function useSavedViews() {
  const { client } = useSession();
  return useQuery({ queryKey: ['savedViews.list'], queryFn: () => client.call('savedViews.list', {}), refetchInterval: 15_000 });
}

/** The navigation's saved views, each with its live count, one click to open. */
export function SavedViewsNav() {
  const views = useSavedViews();
  const { pick } = useLocale();
  const mine = (views.data ?? []).filter((v) => v.sharedWith === null);
  const shared = (views.data ?? []).filter((v) => v.sharedWith !== null);
  if (!views.data?.length) return null;
  return (
    <nav aria-label={pick(VIEW_WORDS.savedViews)} data-testid="saved-views-nav">
      {mine.length > 0 && <ViewGroup title={pick(VIEW_WORDS.myViews)} views={mine} />}
      {shared.length > 0 && <ViewGroup title={pick(VIEW_WORDS.sharedViews)} views={shared} />}
    </nav>
  );
}

function ViewGroup({ title, views }: { title: string; views: SavedViewEntry[] }) {
  const route = useRoute();
  const { pick, lang, formatNumber } = useLocale();
  return (
    <>
      <Text size="xs" c="dimmed" fw={600} px="sm" mt="xs">
        {title}
      </Text>
      {views.map((v) => (
        <NavLink
          key={v.id}
          href={routeHref({ page: 'view', id: v.id })}
          label={<bdi dir="auto">{v.name}</bdi>}
          active={route.page === 'view' && route.id === v.id}
          rightSection={
            v.count === null ? (
              <Tooltip label={v.problem ? (lang === 'ar' ? v.problem.messageAr : v.problem.message) : pick(VIEW_WORDS.viewProblem)}>
                <Badge variant="light" color="yellow" size="sm" aria-label={pick(VIEW_WORDS.viewProblem)}>
                  !
                </Badge>
              </Tooltip>
            ) : (
              <Badge variant="light" size="sm" aria-label={countText(lang, 'requests', v.count)}>
                {v.moreThanCount ? `${formatNumber(v.count)}+` : formatNumber(v.count)}
              </Badge>
            )
          }
        />
      ))}
    </>
  );
}
