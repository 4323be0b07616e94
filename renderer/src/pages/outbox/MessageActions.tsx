import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OutboxMessage } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { errorText } from '../../components/errors';
import { canCancel, canResend } from './delivery-states';

/** An admin's Resend (failed or dead) and Cancel (asked again first); both audited by the desk, then the list is asked afresh. */
export function MessageActions({ message }: { message: OutboxMessage }) {
  const { client } = useSession();
  const { t, lang } = useLocale();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = async () => {
    await Promise.all(['outbox.list', 'outbox.counts', 'outbox.history'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
  };
  const act = useMutation({
    mutationFn: (what: 'outbox.resend' | 'outbox.cancel') => client.call(what, { id: message.id }),
    onSuccess: async () => {
      setConfirming(false);
      await refresh();
    },
    // Refused (another admin was quicker, the worker sent it meanwhile): the list shows what it is now.
    onError: () => void refresh(),
  });
  if (!canResend(message.state) && !canCancel(message.state)) return null;
  return (
    <>
      <Group gap="xs">
        {canResend(message.state) && (
          <Button
            size="compact-sm"
            variant="light"
            loading={act.isPending && act.variables === 'outbox.resend'}
            onClick={() => act.mutate('outbox.resend')}
          >
            {t('resendMessage')}
          </Button>
        )}
        {canCancel(message.state) && (
          <Button size="compact-sm" variant="subtle" color="red" c="red.9" disabled={act.isPending} onClick={() => setConfirming(true)}>
            {t('cancelMessage')}
          </Button>
        )}
      </Group>
      {act.isError && !confirming && (
        <Alert color="red" role="alert" mt="xs">
          {errorText(act.error, lang)}
        </Alert>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('cancelMessage')} centered>
        <Stack>
          <Text size="sm">{t('cancelMessageConfirm')}</Text>
          <Text size="sm" fw={700}>
            {lang === 'ar' ? message.subjectAr : message.subjectEn}
          </Text>
          {act.isError && <Alert color="red">{errorText(act.error, lang)}</Alert>}
          <Group justify="end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('keepMessage')}
            </Button>
            <Button color="red.9" loading={act.isPending} onClick={() => act.mutate('outbox.cancel')}>
              {t('cancelMessage')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
