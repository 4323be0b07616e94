import { useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail, CaseReferrals } from '../../../shared/domain';
import { useSession } from '../api/session';
import { mayCall } from '../api/may-call';
import { useLocale } from '../i18n/locale';
import { fill } from '../i18n/fill';
import { useShortcuts } from '../shell/useShortcuts';
import { errorText } from './errors';
import { AskModal } from './referral/AskModal';
import { CurrentQuestion } from './referral/CurrentQuestion';
import { EarlierQuestion } from './referral/EarlierQuestion';

/**
 * A case's questions to colleagues (issue #17): the open question with whom it waits for (and, for the one
 * asked, the answer box), the answer once given, earlier questions, and "Refer with a question" (key q)
 * for the holder. What the caller may do comes from the desk (the case's `actions`, and each question's
 * mayAnswer / mayWithdraw from referrals.forCase), never guessed here.
 */
export function ReferralPanel({ c }: { c: CaseDetail }) {
  const { client, user } = useSession();
  const { t, lang } = useLocale();
  const queryClient = useQueryClient();
  const reads = mayCall(user?.roles, 'referrals.forCase');
  // The case's version in the key: a decision on the case (which may close the question) reads it again.
  const key = ['referrals.forCase', c.id, c.version];
  const q = useQuery({ queryKey: key, queryFn: () => client.call('referrals.forCase', { requestId: c.id }), enabled: reads });
  const [asking, setAsking] = useState(false);
  const [showEarlier, setShowEarlier] = useState(false);

  // The case's own list of allowed actions says whether a question may be asked (the same rule the core checks).
  const mayAsk = c.actions.includes('refer');
  useShortcuts({ q: mayAsk && !asking && (() => setAsking(true)) });

  if (!reads || !q.data) return null;
  const shown = (next: CaseReferrals) => {
    queryClient.setQueryData(key, next);
    // The case's allowed actions, the navigation's count and the queues' marks change with every question and answer.
    void queryClient.invalidateQueries({ queryKey: ['cases.get', c.id] });
    void queryClient.invalidateQueries({ queryKey: ['referrals.waitingCount'] });
    void queryClient.invalidateQueries({ queryKey: ['referrals.forMe'] });
    void queryClient.invalidateQueries({ queryKey: ['queues.page'] });
  };
  const [latest, ...rest] = q.data.referrals;
  // The newest question leads while it is current (open, or answered while the request is still in review).
  const current = latest && (latest.state === 'open' || (latest.state === 'answered' && c.status === 'in_review')) ? latest : null;
  const earlier = current ? rest : q.data.referrals;
  if (!current && earlier.length === 0 && !mayAsk) return null;
  return (
    <Stack gap="xs" aria-label={t('refQuestion')}>
      {current && <CurrentQuestion r={current} onChange={shown} />}
      <Group gap="xs">
        {mayAsk && (
          <Button variant="light" size="xs" onClick={() => setAsking(true)} aria-keyshortcuts="q">
            {t('refRefer')}
          </Button>
        )}
        {earlier.length > 0 && (
          <Button variant="subtle" size="xs" onClick={() => setShowEarlier((v) => !v)} aria-expanded={showEarlier}>
            {fill(t('refEarlier'), { count: String(earlier.length) })}
          </Button>
        )}
      </Group>
      {showEarlier && earlier.map((r) => <EarlierQuestion key={r.id} r={r} />)}
      {asking && (
        <AskModal
          c={c}
          onClose={() => setAsking(false)}
          onAsked={(next) => {
            shown(next);
            setAsking(false);
          }}
        />
      )}
      {q.isError && <Alert color="red">{errorText(q.error, lang)}</Alert>}
    </Stack>
  );
}
