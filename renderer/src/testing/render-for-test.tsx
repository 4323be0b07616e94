import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { SessionInfo, UserInfo } from '../../../shared/domain/index';
import type { DeskClient } from '../api/client';
import { SessionProvider } from '../api/session';
import { LocaleProvider, type Lang } from '../i18n/locale';

/** A tab's session storage in memory: component tests run in Node, where there is none. */
function memoryStorage(entries: Record<string, string>): Storage {
  const m = new Map(Object.entries(entries));
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

export const queryClientForTests = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

/**
 * Renders a page to HTML as the signed-in `user` sees it, in `lang`, with the answers already in
 * `queryClient` (prefetched through the same query options the page uses, over a mock transport):
 * what the first paint shows, with no browser behind it.
 */
export function renderForTest(ui: ReactNode, opts: { client: DeskClient; queryClient: QueryClient; user: UserInfo; lang?: Lang }): string {
  const session: SessionInfo = { token: 'test-session-token', user: opts.user };
  Object.defineProperty(globalThis, 'sessionStorage', {
    value: memoryStorage({ 'desk-session': JSON.stringify(session) }),
    configurable: true,
  });
  const lang = opts.lang ?? 'en';
  return renderToString(
    <QueryClientProvider client={opts.queryClient}>
      <SessionProvider client={opts.client}>
        <LocaleProvider lang={lang}>
          <DirectionProvider initialDirection={lang === 'ar' ? 'rtl' : 'ltr'} detectDirection={false}>
            <MantineProvider>{ui}</MantineProvider>
          </DirectionProvider>
        </LocaleProvider>
      </SessionProvider>
    </QueryClientProvider>,
  );
}
