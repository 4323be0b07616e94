import { useState } from 'react';
import { Alert, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { TERMS, type PrintQueueRow } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText } from './errors';
import { BidiParts } from './BidiText';

/** How a printed card reached its holder: by mail with a tracking number, or handed over at a branch. */
export function DeliveryForm({ row, onDone }: { row: PrintQueueRow; onDone(): void | Promise<void> }) {
  const { client } = useSession();
  const { t, pick, lang } = useLocale();
  const [method, setMethod] = useState<'mail' | 'branch'>('mail');
  const [tracking, setTracking] = useState('');
  const [branch, setBranch] = useState('');
  const [receiver, setReceiver] = useState('');
  const save = useMutation({
    mutationFn: () =>
      client.call('print.recordDelivery', {
        id: row.id,
        version: row.version,
        delivery: method === 'mail' ? { method, trackingNumber: tracking } : { method, branch, receiverName: receiver },
      }),
    onSuccess: () => onDone(),
  });
  const complete = method === 'mail' ? tracking.trim().length >= 4 : branch.trim().length >= 2 && receiver.trim().length > 0;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (complete) save.mutate();
      }}
    >
      <Stack>
        <Text size="sm">
          <BidiParts parts={[row.reference, lang === 'ar' ? row.nameAr : row.nameEn]} />
        </Text>
        <Radio.Group value={method} onChange={(v) => setMethod(v as 'mail' | 'branch')} label={t('delivery')}>
          <Stack gap="xs" mt="xs">
            <Radio value="mail" label={pick(TERMS.delivery.mail)} />
            <Radio value="branch" label={pick(TERMS.delivery.branch)} />
          </Stack>
        </Radio.Group>
        {method === 'mail' ? (
          <TextInput
            label={t('trackingNumber')}
            value={tracking}
            onChange={(e) => setTracking(e.currentTarget.value)}
            dir="ltr"
            required
            data-autofocus
          />
        ) : (
          <>
            <TextInput label={t('branch')} value={branch} onChange={(e) => setBranch(e.currentTarget.value)} required />
            <TextInput label={t('receiverName')} value={receiver} onChange={(e) => setReceiver(e.currentTarget.value)} required />
          </>
        )}
        {save.isError && <Alert color="red">{errorText(save.error, lang)}</Alert>}
        <Group justify="end">
          <Button type="submit" loading={save.isPending} disabled={!complete}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
