import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail, CaseReferrals, ReferralView } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { fill } from '../i18n/fill';
import { errorText, type ShownError } from './errors';
import { BidiParts, BidiText } from './BidiText';

const ANY_APPROVER = 'any';

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
  const reads = user?.roles.some((r) => r === 'reviewer' || r === 'approver' || r === 'admin') ?? false;
  // The case's version in the key: a decision on the case (which may close the question) reads it again.
  const key = ['referrals.forCase', c.id, c.version];
  const q = useQuery({ queryKey: key, queryFn: () => client.call('referrals.forCase', { requestId: c.id }), enabled: reads });
  const [asking, setAsking] = useState(false);
  const [showEarlier, setShowEarlier] = useState(false);

  // The case's own list of allowed actions says whether a question may be asked (the same rule the core checks).
  const mayAsk = c.actions.includes('refer');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'q' || !mayAsk || asking || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      e.preventDefault();
      setAsking(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mayAsk, asking]);

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

/**
 * A message with names in its {places}, each name isolated (<bdi>) so an Arabic name in an English
 * sentence, or the reverse, keeps the sentence's order.
 */
function withNames(template: string, names: Record<string, ReactNode>): ReactNode {
  return template.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 ? <bdi key={i}>{names[part] ?? part}</bdi> : part));
}

/** "From X to Y" and "waiting for Y": the addressee by name, any approver, or the reader. */
function useWording() {
  const { user } = useSession();
  const { t } = useLocale();
  const toReader = (r: ReferralView) => r.addressee?.id === user?.id;
  return {
    askedBy: (r: ReferralView) =>
      withNames(t('refAskedBy'), {
        asker: r.askedBy.displayName,
        whom:
          r.addressee === null ? t('refToAnyApprover') : toReader(r) ? t('refToYou') : withNames(t('refToName'), { name: r.addressee.displayName }),
      }),
    waitingFor: (r: ReferralView) =>
      toReader(r)
        ? t('refWaitingForYou')
        : withNames(t('refWaitingFor'), { whom: r.addressee === null ? t('refAnyApproverLower') : r.addressee.displayName }),
  };
}

function CurrentQuestion({ r, onChange }: { r: ReferralView; onChange(next: CaseReferrals): void }) {
  const { client } = useSession();
  const { t, lang, formatDateTime } = useLocale();
  const words = useWording();
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError>(null);
  async function run(call: () => Promise<CaseReferrals>) {
    setBusy(true);
    setError(null);
    try {
      onChange(await call());
      setAnswer('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const open = r.state === 'open';
  return (
    <Alert
      color={open ? 'blue' : 'teal'}
      title={open ? t('refOpenTitle') : t('refAnsweredTitle')}
      data-referral-state={r.state}
      styles={{ message: { color: 'var(--mantine-color-dark-7)' } }}
    >
      <Stack gap={6}>
        <Text size="xs" c="dark.5">
          <BidiParts parts={[words.askedBy(r), formatDateTime(r.askedAt)]} />
        </Text>
        <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }} data-testid="referral-question">
          <BidiText text={r.question} />
        </Text>
        {open ? (
          <Text size="xs" fw={700}>
            {words.waitingFor(r)}
          </Text>
        ) : (
          <Paper withBorder p="xs" bg="white">
            <Text size="xs" c="dark.5">
              <BidiParts
                parts={[withNames(t('refAnsweredBy'), { who: r.answeredBy?.displayName ?? '' }), r.answeredAt && formatDateTime(r.answeredAt)]}
              />
            </Text>
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }} data-testid="referral-answer">
              <BidiText text={r.answer ?? ''} />
            </Text>
          </Paper>
        )}
        {r.mayAnswer && (
          <Stack gap={4}>
            <Textarea
              label={t('refYourAnswer')}
              value={answer}
              onChange={(e) => setAnswer(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={4000}
              onKeyDown={(e) => {
                // Ctrl+Enter sends, as in the other forms' text boxes.
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && answer.trim())
                  void run(() => client.call('referrals.answer', { referralId: r.id, answer }));
              }}
            />
            <Button
              size="xs"
              style={{ alignSelf: 'flex-start' }}
              disabled={!answer.trim()}
              loading={busy}
              onClick={() => void run(() => client.call('referrals.answer', { referralId: r.id, answer }))}
            >
              {t('refSendAnswer')}
            </Button>
          </Stack>
        )}
        {r.mayWithdraw && (
          <Button
            size="xs"
            variant="default"
            style={{ alignSelf: 'flex-start' }}
            loading={busy}
            onClick={() => void run(() => client.call('referrals.withdraw', { referralId: r.id }))}
          >
            {t('refWithdraw')}
          </Button>
        )}
        {error !== null && <Alert color="red">{errorText(error, lang)}</Alert>}
      </Stack>
    </Alert>
  );
}

function EarlierQuestion({ r }: { r: ReferralView }) {
  const { t, formatDateTime } = useLocale();
  const words = useWording();
  return (
    <Paper withBorder p="xs" data-referral-state={r.state}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed">
          <BidiParts parts={[words.askedBy(r), formatDateTime(r.askedAt)]} />
        </Text>
        <Badge variant="light" color={r.state === 'answered' ? 'teal' : 'gray'} styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
          {t(`refState_${r.state}`)}
        </Badge>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        <BidiText text={r.question} />
      </Text>
      {r.answer !== null && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} mt={4}>
          <Text span size="xs" c="dimmed">
            {withNames(t('refAnsweredBy'), { who: r.answeredBy?.displayName ?? '' })}
            {': '}
          </Text>
          <BidiText text={r.answer} />
        </Text>
      )}
    </Paper>
  );
}

function AskModal({ c, onClose, onAsked }: { c: CaseDetail; onClose(): void; onAsked(next: CaseReferrals): void }) {
  const { client } = useSession();
  const { t, lang } = useLocale();
  const colleagues = useQuery({ queryKey: ['referrals.colleagues'], queryFn: () => client.call('referrals.colleagues', {}) });
  const [whom, setWhom] = useState<string>(ANY_APPROVER);
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError>(null);
  async function send() {
    setBusy(true);
    setError(null);
    try {
      onAsked(
        await client.call('referrals.ask', {
          requestId: c.id,
          addressee: whom === ANY_APPROVER ? 'any_approver' : { userId: Number(whom) },
          question,
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={fill(t('refReferTitle'), { reference: c.reference })}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('cancel') }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('refReferHelp')}
        </Text>
        <Select
          label={t('refAskOf')}
          value={whom}
          onChange={(v) => setWhom(v ?? ANY_APPROVER)}
          allowDeselect={false}
          searchable
          data={[
            { value: ANY_APPROVER, label: t('refAnyApprover') },
            ...(colleagues.data ?? []).map((u) => ({
              value: String(u.id),
              label: u.approver ? fill(t('refApproverSuffix'), { name: u.displayName }) : u.displayName,
            })),
          ]}
        />
        <Textarea
          label={t('refQuestion')}
          value={question}
          onChange={(e) => setQuestion(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={2000}
          data-autofocus
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && question.trim()) void send();
          }}
        />
        {error !== null && <Alert color="red">{errorText(error, lang)}</Alert>}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button disabled={!question.trim()} loading={busy} onClick={() => void send()}>
            {t('refSend')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
