import { AppShell, Badge, Button, Center, Divider, Group, Loader, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { Suspense, lazy, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { CommandPalette } from './CommandPalette';
import { ShortcutSheet } from './ShortcutSheet';
import { DeskToasts } from './flow/DeskToasts';
import { useOpenClaimed } from './flow/open-claimed';
import { QUEUES, TERMS, type QueueId } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useMayCall } from '../api/may-call';
import { useShortcuts } from '../shell/useShortcuts';
import { useLocale } from '../i18n/locale';
import { FINANCE_TABS, navigate, routeHref, useRoute } from '../route';
import { LanguageSwitch } from './LanguageSwitch';
import { countText } from '../i18n/counts';
import { QueuePage } from '../pages/QueuePage';
import { FinancePage, FINANCE_TAB_LABELS } from '../pages/FinancePage';
import { useLiveChanges } from '../api/live-changes';
import { CaseByReference } from '../shell/CaseByReference';
import { SavedViewsNav } from './SavedViewsNav';
import { VIEW_WORDS } from '../i18n/view-words';
import { QuestionsNavLink } from './QuestionsNavLink';
import { EscalationsNavLink } from './EscalationsNavLink';
import { lazyNow } from './lazy-now';
import { whenIdle } from './when-idle';

// Each page is loaded when first opened (the queue, where a session lands, comes with the frame):
// the case page brings pdf.js only through its viewers, the dashboard brings the charts.
// The case page, where nearly every session goes next, is fetched once the frame is drawn and the browser idle:
// the first case opens without a fallback in between (lazy-now.tsx).
const CasePage = lazyNow(() => import('../pages/case/CasePage').then((m) => m.CasePage));
const OutboxPage = lazy(() => import('../pages/OutboxPage').then((m) => ({ default: m.OutboxPage })));
const UsersPage = lazy(() => import('../pages/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../pages/AuditPage').then((m) => ({ default: m.AuditPage })));
const ImportPage = lazy(() => import('../pages/ImportPage').then((m) => ({ default: m.ImportPage })));
const PrintCentrePage = lazy(() => import('../pages/PrintCentrePage').then((m) => ({ default: m.PrintCentrePage })));
const VerifyCardPage = lazy(() => import('../pages/VerifyCardPage').then((m) => ({ default: m.VerifyCardPage })));
const DashboardPage = lazy(() => import('../pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const BackupsPage = lazy(() => import('../pages/BackupsPage').then((m) => ({ default: m.BackupsPage })));
const SettingsPage = lazy(() => import('../pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const PolicyPage = lazy(() => import('../pages/PolicyPage').then((m) => ({ default: m.PolicyPage })));
const QuestionsPage = lazy(() => import('../pages/QuestionsPage').then((m) => ({ default: m.QuestionsPage })));
const EscalationsPage = lazy(() => import('../pages/EscalationsPage').then((m) => ({ default: m.EscalationsPage })));
const CpdAuditPage = lazy(() => import('../pages/CpdAuditPage').then((m) => ({ default: m.CpdAuditPage })));
const ComparePage = lazy(() => import('../pages/compare/ComparePage').then((m) => ({ default: m.ComparePage })));
const SavedViewPage = lazy(() => import('../pages/SavedViewPage').then((m) => ({ default: m.SavedViewPage })));
const WorkloadPage = lazy(() => import('../pages/workload/WorkloadPage').then((m) => ({ default: m.WorkloadPage })));

/** The navigation frame: queues with live counts, the user, the language switch. */
export function AppFrame() {
  const { client, user, signOut } = useSession();
  const { t, pick, lang, formatNumber } = useLocale();
  const route = useRoute();
  const counts = useQuery({ queryKey: ['queues.counts'], queryFn: () => client.call('queues.counts', {}) });
  useLiveChanges(client);
  // A page is listed to those who may make the call it opens with (the contract's access, as the desk checks it).
  const mayCall = useMayCall();
  const [sheet, setSheet] = useState(false);
  const openClaimed = useOpenClaimed();
  // "?" is Shift+/ on most keyboards, a key of its own on others.
  const openSheet = () => setSheet(true);
  useShortcuts({ '?': openSheet, 'shift+?': openSheet });
  useEffect(() => whenIdle(() => void CasePage.preload().catch(() => undefined), 2_000), []);
  const claimNext = async () => openClaimed(await client.call('cases.claimNext', {}).catch(() => null));

  return (
    <>
      <CommandPalette onClaimNext={() => void claimNext()} onShortcuts={() => setSheet(true)} />
      <ShortcutSheet opened={sheet} onClose={() => setSheet(false)} />
      <DeskToasts />
      <AppShell header={{ height: 56 }} navbar={{ width: 260, breakpoint: 0 }} padding="md">
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <Title order={1} size="h4">
                {t('appName')}
              </Title>
              <Text size="sm" c="dimmed" visibleFrom="md">
                {pick(TERMS.commission)}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" aria-label={t('signedInAs')}>
                {user?.displayName}
              </Text>
              <LanguageSwitch />
              <Button variant="light" size="compact-sm" onClick={() => void signOut()}>
                {t('signOut')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('queues')}>
          <ScrollArea>
            {QUEUES.map((q: QueueId) => (
              <NavLink
                key={q}
                href={routeHref({ page: 'queue', queue: q })}
                label={pick(TERMS.queues[q])}
                active={route.page === 'queue' && route.queue === q}
                rightSection={
                  counts.data ? (
                    <Badge variant="light" size="sm" aria-label={countText(lang, 'requests', counts.data[q])}>
                      {formatNumber(counts.data[q])}
                    </Badge>
                  ) : null
                }
              />
            ))}
            <QuestionsNavLink />
            <EscalationsNavLink />
            <SavedViewsNav />
            {mayCall('workload.reviewers') && (
              <NavLink href={routeHref({ page: 'workload' })} label={pick(VIEW_WORDS.workload)} active={route.page === 'workload'} />
            )}
            {mayCall('cpdAudit.queue') && <NavLink href={routeHref({ page: 'cpdAudit' })} label={t('cpdAudit')} active={route.page === 'cpdAudit'} />}
            <Divider my="xs" />
            {mayCall('dashboard.figures') && (
              <NavLink href={routeHref({ page: 'dashboard' })} label={t('dashboard')} active={route.page === 'dashboard'} />
            )}
            {mayCall('print.queue') && <NavLink href={routeHref({ page: 'print' })} label={t('printCentre')} active={route.page === 'print'} />}
            {mayCall('payments.awaiting') && (
              <NavLink
                label={t('finance')}
                href={routeHref({ page: 'finance', tab: 'awaiting' })}
                active={route.page === 'finance'}
                opened={route.page === 'finance'}
                // A NavLink with children only toggles them: it opens the first finance list instead.
                onClick={() => navigate({ page: 'finance', tab: route.page === 'finance' ? route.tab : 'awaiting' })}
                childrenOffset="md"
              >
                {FINANCE_TABS.map((tab) => (
                  <NavLink
                    key={tab}
                    href={routeHref({ page: 'finance', tab })}
                    label={t(FINANCE_TAB_LABELS[tab])}
                    active={route.page === 'finance' && route.tab === tab}
                  />
                ))}
              </NavLink>
            )}
            {mayCall('policy.history') && <NavLink href={routeHref({ page: 'policy' })} label={t('policy')} active={route.page === 'policy'} />}
            <NavLink href={routeHref({ page: 'verify' })} label={pick(TERMS.actions.verify_card)} active={route.page === 'verify'} />
            <NavLink href={routeHref({ page: 'outbox' })} label={t('outbox')} active={route.page === 'outbox'} />
            {mayCall('intake.upload') && <NavLink href={routeHref({ page: 'import' })} label={t('import')} active={route.page === 'import'} />}
            {mayCall('users.list') && <NavLink href={routeHref({ page: 'users' })} label={t('users')} active={route.page === 'users'} />}
            {mayCall('audit.browse') && <NavLink href={routeHref({ page: 'audit' })} label={t('audit')} active={route.page === 'audit'} />}
            {mayCall('backups.list') && <NavLink href={routeHref({ page: 'backups' })} label={t('backups')} active={route.page === 'backups'} />}
            {mayCall('settings.database') && (
              <NavLink href={routeHref({ page: 'settings' })} label={t('settings')} active={route.page === 'settings'} />
            )}
          </ScrollArea>
        </AppShell.Navbar>
        <AppShell.Main>
          <Suspense
            fallback={
              <Center mih={200}>
                <Loader role="status" aria-label={t('loading')} />
              </Center>
            }
          >
            {route.page === 'queue' && <QueuePage queue={route.queue} />}
            {/* Keyed by the request: nothing of one case (an error, a half-typed reason) stays when another opens. */}
            {route.page === 'case' && <CasePage key={route.id} id={route.id} tab={route.tab} />}
            {route.page === 'caseRef' && <CaseByReference reference={route.reference} />}
            {route.page === 'outbox' && <OutboxPage state={route.state ?? null} />}
            {route.page === 'users' && <UsersPage />}
            {route.page === 'audit' && <AuditPage />}
            {route.page === 'import' && <ImportPage />}
            {route.page === 'print' && <PrintCentrePage />}
            {route.page === 'verify' && <VerifyCardPage />}
            {route.page === 'dashboard' && <DashboardPage />}
            {route.page === 'backups' && <BackupsPage />}
            {route.page === 'settings' && <SettingsPage />}
            {route.page === 'finance' && <FinancePage tab={route.tab} />}
            {route.page === 'policy' && <PolicyPage />}
            {route.page === 'cpdAudit' && <CpdAuditPage />}
            {route.page === 'escalations' && <EscalationsPage />}
            {route.page === 'questions' && <QuestionsPage />}
            {route.page === 'compare' && <ComparePage a={route.a} b={route.b} />}
            {route.page === 'view' && <SavedViewPage key={route.id} id={route.id} />}
            {route.page === 'workload' && <WorkloadPage reviewer={route.reviewer} />}
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
