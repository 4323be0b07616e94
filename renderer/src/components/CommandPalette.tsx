import { useState } from 'react';
import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import '@mantine/spotlight/styles.css';
import { QUEUES, SEARCH_MAX_CHARS, TERMS } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useMayCall } from '../api/may-call';
import { useLocale } from '../i18n/locale';
import { FINANCE_TABS, navigate } from '../route';
import { FINANCE_TAB_LABELS } from '../pages/FinancePage';
import { useRequestFinder } from './RequestFinder';

/** Ctrl+K: every place and the common actions, by name, in the user's language; a reference or an ID number opens its request. */
export function CommandPalette({ onClaimNext, onShortcuts }: { onClaimNext(): void; onShortcuts(): void }) {
  const { signOut } = useSession();
  const { t, pick, lang, setLang } = useLocale();
  // Places and actions are offered to those who may make their calls (the contract's access, as the desk checks it).
  const mayCall = useMayCall();
  const [query, setQuery] = useState('');
  const found = useRequestFinder(query);
  const actions: SpotlightActionData[] = [
    // First, so Enter on a typed reference or ID number opens it.
    ...found.actions,
    ...QUEUES.map((q) => ({
      id: `queue-${q}`,
      label: pick(TERMS.queues[q]),
      description: t('queues'),
      onClick: () => navigate({ page: 'queue', queue: q }),
    })),
    ...(mayCall('cases.claimNext') ? [{ id: 'claim-next', label: pick(TERMS.actions.claim_next), description: 'n', onClick: onClaimNext }] : []),
    { id: 'outbox', label: t('outbox'), onClick: () => navigate({ page: 'outbox' }) },
    ...(mayCall('payments.awaiting')
      ? FINANCE_TABS.map((tab) => ({
          id: `finance-${tab}`,
          label: t(FINANCE_TAB_LABELS[tab]),
          description: t('finance'),
          onClick: () => navigate({ page: 'finance', tab }),
        }))
      : []),
    ...(mayCall('policy.history') ? [{ id: 'policy', label: t('policy'), onClick: () => navigate({ page: 'policy' }) }] : []),
    ...(mayCall('intake.upload') ? [{ id: 'import', label: t('import'), onClick: () => navigate({ page: 'import' }) }] : []),
    ...(mayCall('users.list') ? [{ id: 'users', label: t('users'), onClick: () => navigate({ page: 'users' }) }] : []),
    ...(mayCall('audit.browse') ? [{ id: 'audit', label: t('audit'), onClick: () => navigate({ page: 'audit' }) }] : []),
    { id: 'language', label: t('language'), onClick: () => setLang(lang === 'ar' ? 'en' : 'ar') },
    { id: 'shortcuts', label: t('shortcuts'), description: '?', onClick: onShortcuts },
    { id: 'sign-out', label: t('signOut'), onClick: () => void signOut() },
  ];
  return (
    <>
      <Spotlight
        actions={actions}
        query={query}
        onQueryChange={setQuery}
        // Each opening starts empty (the palette's own store forgets its query on close; this one must too).
        onSpotlightClose={() => setQuery('')}
        // No open/close animation: the palette clears its query when the closing transition ends, so keys typed
        // into a palette reopened during that transition were wiped (a fast Ctrl+K after Enter lost its text).
        transitionProps={{ duration: 0 }}
        shortcut={['mod + K']}
        nothingFound={t('nothingFound')}
        highlightQuery
        searchProps={{ placeholder: t('paletteHint'), maxLength: SEARCH_MAX_CHARS }}
      />
      {found.finder}
    </>
  );
}
