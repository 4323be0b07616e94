import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { QUEUES, TERMS, type QueueId } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { navigate, useRoute } from '../route';
import { useOpenClaimed } from '../components/flow/open-claimed';

/**
 * The page's own keys (ShortcutSheet): a menu item does exactly what its key does. Pressed on the root
 * element, where useShortcuts (Mantine's useHotkeys) listens; it bubbles on to the window.
 */
const pressKey = (key: string) => document.documentElement.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

/** The PDF shown in a preview (its Save link), if one is open: File > Print prints it at its own page size. */
function openPdfLink(): string | null {
  const a = document.querySelector<HTMLAnchorElement>('[role="dialog"] a[download$=".pdf"][href*="/files/"]');
  return a?.getAttribute('href') ?? null;
}

/**
 * The window's title names the open request (the desktop window follows it; so does a browser tab).
 * Read from the case the page has already loaded, never fetched again (a view of personal data is logged).
 */
function useWindowTitle() {
  const route = useRoute();
  const { t } = useLocale();
  const caseId = route.page === 'case' ? route.id : null;
  const queryClient = useQueryClient();
  const [reference, setReference] = useState<string | undefined>(undefined);
  // Read from the cache and follow it, without observing the query: an observer without a query
  // function would become the query's options and break the case page's own refetches.
  useEffect(() => {
    if (caseId === null) return setReference(undefined);
    const read = () => setReference((queryClient.getQueryData(['cases.get', caseId]) as { reference?: string } | undefined)?.reference);
    read();
    return queryClient.getQueryCache().subscribe((e) => {
      if (e.query.queryKey[0] === 'cases.get' && e.query.queryKey[1] === caseId) read();
    });
  }, [queryClient, caseId]);
  useEffect(() => {
    document.title = reference ? `${reference} — ${t('appName')}` : t('appName');
  }, [reference, t]);
}

/** Menu commands from the desktop app (electron/main/menu.ts), answered the way the page answers its keys. */
function useMenuCommands() {
  const { client, user, signOut } = useSession();
  const { lang, pick } = useLocale();
  const openClaimed = useOpenClaimed();
  const route = useRoute();
  useEffect(() => window.deskShell?.setLanguage(lang), [lang]);
  useEffect(() => window.deskShell?.onNavigate((hash) => void (window.location.hash = hash)), []);
  useEffect(() => {
    const shell = window.deskShell;
    if (!shell) return;
    return shell.onMenuCommand((command) => {
      // Signed out, the sign-in form is all there is: a menu item would only end in a refusal.
      if (!user) return;
      if (command.startsWith('queue:')) {
        const queue = command.slice(6) as QueueId;
        if ((QUEUES as readonly string[]).includes(queue)) navigate({ page: 'queue', queue });
      } else if (command === 'claim-next') {
        void client
          .call('cases.claimNext', {})
          .catch(() => null)
          .then(openClaimed);
      } else if (command === 'search') {
        if (route.page !== 'queue') navigate({ page: 'queue', queue: 'all' });
        // The queue's filters mount with the page; the key reaches them on the next frame.
        requestAnimationFrame(() => pressKey('/'));
      } else if (command === 'shortcuts') pressKey('?');
      else if (command === 'sign-out') void signOut();
      else if (command === 'export') {
        const label = pick(TERMS.actions.export);
        [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)?.click();
      } else if (command === 'print') {
        const pdf = openPdfLink();
        if (pdf) void shell.printPdf(pdf);
        else window.print();
      }
    });
  }, [client, user, signOut, openClaimed, route.page, pick]);
}

/** The desktop app's side of the page: menu, deep links, title. Renders nothing; in the browser only the title applies. */
export function DesktopShell() {
  useWindowTitle();
  useMenuCommands();
  return null;
}
