import { useState } from 'react';
import { Alert, Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import type { CaseReferrals, ReferralView } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { BidiParts, BidiText } from '../BidiText';
import { errorText, type ShownError } from '../errors';
import { useWording, withNames } from './referral-wording';

/**
 * The question that leads the panel: who asked whom and when, and either whom it waits for (with the
 * answer box for the one asked) or the answer given; its asker may withdraw it while it is open.
 */
export function CurrentQuestion({ r, onChange }: { r: ReferralView; onChange(next: CaseReferrals): void }) {
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
