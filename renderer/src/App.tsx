import { Suspense, lazy, useEffect, useMemo } from 'react';
import { Badge, DirectionProvider, MantineProvider, createTheme, Center, Loader, Alert, useDirection } from '@mantine/core';
import { QueryClient, QueryClientProvider, keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DeskClient } from './api/client';
import { SessionProvider, useSession } from './api/session';
import { LocaleProvider, useLocale } from './i18n/locale';
import { AuthPage } from './pages/AuthPage';
import { useRoute } from './route';
import { errorText } from './components/errors';
import { DesktopShell } from './shell/DesktopShell';
import { AppFrame } from './signed-in-frame';

// Loaded when first shown: the sign-in form needs neither the signed-in frame (signed-in-frame.ts: its pages,
// pdf.js, charts) nor the card check, so the JavaScript before sign-in stays small (bench/bundle-bytes.ts).
const VerifyCardPage = lazy(() => import('./pages/VerifyCardPage').then((m) => ({ default: m.VerifyCardPage })));

const theme = createTheme({
  fontFamily: "'Desk Arabic', 'Desk Latin', system-ui, sans-serif",
  headings: { fontFamily: "'Desk Arabic', 'Desk Latin', system-ui, sans-serif" },
  primaryColor: 'teal',
  primaryShade: 9,
  defaultRadius: 'sm',
  components: {
    // Light badges keep dark text so counts and statuses stay readable (WCAG AA contrast).
    Badge: Badge.extend({ styles: (_theme, props) => ({ label: props.variant === 'light' ? { color: 'var(--mantine-color-dark-7)' } : {} }) }),
  },
});

function Shell() {
  const { client, user } = useSession();
  const locale = useLocale();
  const route = useRoute();
  // Asked again for each user; the answer before sign-in stands meanwhile, so the signed-in frame (and its own
  // calls) starts at once rather than after a loader and another round trip.
  const info = useQuery({ queryKey: ['app.info', user?.id], queryFn: () => client.call('app.info', {}), placeholderData: keepPreviousData });
  const loading = (
    <Center h="100vh">
      <Loader role="status" aria-label={locale.t('loading')} />
    </Center>
  );
  if (info.isPending) return loading;
  if (info.isError)
    return (
      <Center h="100vh">
        <Alert color="red" title={locale.t('appName')}>
          {errorText(info.error, locale.lang)}
        </Alert>
      </Center>
    );
  // Checking a card needs no account: the verify page opens signed out too.
  if (!user)
    return route.page === 'verify' && !info.data.firstRun ? (
      <Suspense fallback={loading}>
        <VerifyCardPage />
      </Suspense>
    ) : (
      <AuthPage firstRun={info.data.firstRun} />
    );
  return (
    <Suspense fallback={loading}>
      <AppFrame />
    </Suspense>
  );
}

/** Keeps Mantine's direction in step with the chosen language. */
function DirectionSync({ dir }: { dir: 'rtl' | 'ltr' }) {
  const { setDirection } = useDirection();
  useEffect(() => setDirection(dir), [dir, setDirection]);
  return null;
}

function Themed() {
  const { dir } = useLocale();
  return (
    <DirectionProvider initialDirection={dir} detectDirection={false}>
      <DirectionSync dir={dir} />
      <MantineProvider theme={theme}>
        <Shell />
        <DesktopShell />
      </MantineProvider>
    </DirectionProvider>
  );
}

export function App({ client }: { client: DeskClient }) {
  const queryClient = useMemo(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: true, staleTime: 5_000 } } }),
    [],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider client={client}>
        <LocaleProvider>
          <Themed />
        </LocaleProvider>
      </SessionProvider>
    </QueryClientProvider>
  );
}
