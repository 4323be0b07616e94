import { Alert, Button, Stack, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText } from '../components/errors';

/** Admins check the hash chain of the audit log on demand. */
export function AuditPage() {
  const { client } = useSession();
  const { t, lang, formatNumber } = useLocale();
  const verify = useMutation({ mutationFn: () => client.call('audit.verify', {}) });
  return (
    <Stack maw={640}>
      <Title order={2} size="h3">
        {t('audit')}
      </Title>
      <Button onClick={() => verify.mutate()} loading={verify.isPending} style={{ alignSelf: 'flex-start' }}>
        {t('verifyChain')}
      </Button>
      {verify.data && (
        <Alert color={verify.data.ok ? 'green' : 'red'} role="status">
          {verify.data.ok
            ? `${t('chainOk')}: ${formatNumber(verify.data.entries)} ${t('entries')}`
            : `${t('chainBroken')} ${verify.data.brokenAt}: ${verify.data.reason}`}
        </Alert>
      )}
      {verify.isError && <Alert color="red">{errorText(verify.error, lang)}</Alert>}
    </Stack>
  );
}
