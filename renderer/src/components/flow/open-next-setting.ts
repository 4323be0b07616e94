/**
 * The user's preference "after a decision, open the next request" (on unless they turned it off), kept on
 * this computer per user like the language and saved filters (localStorage).
 */
import { useState } from 'react';

const key = (userId: number | undefined) => `mumaris.openNextAfterDecision.${userId ?? 0}`;

export function openNextAfterDecision(userId: number | undefined): boolean {
  // No storage (a page rendered outside a browser): the default.
  return typeof localStorage === 'undefined' || localStorage.getItem(key(userId)) !== 'off';
}

export function useOpenNextSetting(userId: number | undefined): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => openNextAfterDecision(userId));
  return [
    on,
    (next: boolean) => {
      localStorage.setItem(key(userId), next ? 'on' : 'off');
      setOn(next);
    },
  ];
}
