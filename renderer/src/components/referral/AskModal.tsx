import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { CaseDetail, CaseReferrals } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { fill } from '../../i18n/fill';
import { useLocale } from '../../i18n/locale';
import { errorText, type ShownError } from '../errors';

const ANY_APPROVER = 'any';

/** "Refer with a question": the holder asks a colleague by name, or any approver; Ctrl+Enter sends. */
export function AskModal({ c, onClose, onAsked }: { c: CaseDetail; onClose(): void; onAsked(next: CaseReferrals): void }) {
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
