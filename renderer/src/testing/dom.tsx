import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import type { UserInfo } from '../../../shared/domain';
import type { DeskClient } from '../api/client';
import { SessionProvider } from '../api/session';
import { LocaleProvider, type Lang } from '../i18n/locale';
import { queryClientForTests } from './render-for-test';

/**
 * Mounts `ui` in the test's DOM (a file under `// @vitest-environment happy-dom`) as the signed-in `user`
 * sees it, in `lang`, talking to `client` (a mock transport). Mantine runs with env="test": no transitions or
 * portals, so a dropdown's options are there at once, inside the page. Returns the user-event driver.
 */
export function mountAs(ui: ReactNode, opts: { client: DeskClient; user: UserInfo; lang?: Lang }) {
  const lang = opts.lang ?? 'en';
  sessionStorage.setItem('desk-session', JSON.stringify({ token: 'test-session-token', user: opts.user }));
  render(
    <QueryClientProvider client={queryClientForTests()}>
      <SessionProvider client={opts.client}>
        <LocaleProvider lang={lang}>
          <DirectionProvider initialDirection={lang === 'ar' ? 'rtl' : 'ltr'} detectDirection={false}>
            <MantineProvider env="test">{ui}</MantineProvider>
          </DirectionProvider>
        </LocaleProvider>
      </SessionProvider>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}
