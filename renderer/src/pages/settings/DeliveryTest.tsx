import { useState } from 'react';
import { Alert, Button, Group, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { errorText } from '../../components/errors';
import { DELIVERY_FIELDS } from './delivery-form';

/** One test e-mail through the saved relay now, and the relay's own answer to it. */
export function DeliveryTest() {
  const { client } = useSession();
  const { t, lang } = useLocale();
  const [to, setTo] = useState('');
  const test = useMutation({ mutationFn: (address: string) => client.call('delivery.test', { to: address }) });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (to.trim()) test.mutate(to.trim());
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="delivery-test-title">
      <Title order={4} size="h5" id="delivery-test-title" mb="xs">
        {t('deliveryTestTitle')}
      </Title>
      <Group align="end">
        <TextInput
          label={t('testMessageTo')}
          type="email"
          dir="ltr"
          value={to}
          onChange={(e) => {
            setTo(e.currentTarget.value);
            test.reset();
          }}
          placeholder="name@example.sa"
          autoComplete="off"
          w={320}
        />
        <Button type="submit" variant="default" disabled={!to.trim()} loading={test.isPending}>
          {t('sendTestMessage')}
        </Button>
      </Group>
      {test.data && (
        <Alert mt="sm" color={test.data.ok ? 'teal' : 'red'} title={test.data.ok ? t('testAccepted') : t('testRefused')} role="status">
          <Text size="sm" dir="auto" style={{ wordBreak: 'break-word' }}>
            {test.data.answer}
          </Text>
        </Alert>
      )}
      {test.isError && (
        <Alert mt="sm" color="red" role="alert">
          {errorText(test.error, lang, DELIVERY_FIELDS)}
        </Alert>
      )}
    </form>
  );
}
