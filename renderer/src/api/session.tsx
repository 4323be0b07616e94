import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SessionInfo, UserInfo } from '../../../shared/domain';
import type { DeskClient } from './client';
import { forgetRoute, landAfterSignIn } from '../route';
import { forgetQueuePlaces } from '../components/flow/queue-memory';

interface SessionValue {
  client: DeskClient;
  user: UserInfo | null;
  signedIn(session: SessionInfo): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);
const KEY = 'desk-session';

/** Holds the client and the signed-in user; the session token lives in this tab only. */
export function SessionProvider({ client, children }: { client: DeskClient; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<UserInfo | null>(() => {
    const saved = sessionStorage.getItem(KEY);
    if (!saved) return null;
    const s = JSON.parse(saved) as SessionInfo;
    client.setSession(s.token);
    return s.user;
  });
  const signedIn = useCallback(
    (s: SessionInfo) => {
      client.setSession(s.token);
      sessionStorage.setItem(KEY, JSON.stringify(s));
      landAfterSignIn(s.user.roles);
      setUser(s.user);
    },
    [client],
  );
  const signOut = useCallback(async () => {
    try {
      await client.call('auth.signOut', {});
    } catch {
      /* the session may have ended already */
    }
    client.setSession(undefined);
    sessionStorage.removeItem(KEY);
    forgetRoute();
    // Where they were in each queue goes too: the next user starts at the top.
    forgetQueuePlaces();
    setUser(null);
    // What the last user saw leaves with them: every cached answer (cases, queues, file links).
    // Cleared in the same tick as the sign-in page replaces their screens, so nothing refetches it.
    queryClient.clear();
  }, [client, queryClient]);
  const value = useMemo(() => ({ client, user, signedIn, signOut }), [client, user, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/**
 * Forgets a session the main process no longer knows (it answered unauthenticated): the token and
 * where the user was. The page then reloads, which drops every cached answer with it.
 */
export function forgetSession(): void {
  sessionStorage.removeItem(KEY);
  forgetRoute();
  forgetQueuePlaces();
}
