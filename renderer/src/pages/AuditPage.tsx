import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText } from '../components/errors';
import { BidiParts, BidiText } from '../components/BidiText';
import { verifySummary } from './audit/verify-summary';
import { AuditTrail } from './audit/AuditTrail';

/**
 * Admins browse the audit log (by user, request, action and days) and check its hash chain on
 * demand, against the newest signed checkpoint kept outside the database.
 */
export function AuditPage() {
  const { client } = useSession();
  const { t, lang, formatNumber, formatDateTimeFull } = useLocale();
  const verify = useMutation({ mutationFn: () => client.call('audit.verify', {}) });
  const last = useQuery({ queryKey: ['audit.lastCheckpoint'], queryFn: () => client.call('audit.lastCheckpoint', {}) });
  // Written from the result's fields in the language on screen, so it follows a language switch too.
  const summary = verify.data && verifySummary(verify.data, lang, { number: formatNumber, dateTime: formatDateTimeFull });
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('audit')}
      </Title>
      <Group gap="sm" align="center" wrap="wrap" aria-label={t('lastCheckpoint')} role="group">
        <Button onClick={() => verify.mutate()} loading={verify.isPending}>
          {t('verifyChain')}
        </Button>
        <Stack gap={0} style={{ flex: 1, minWidth: 280 }}>
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t('lastCheckpoint')}:{' '}
            </Text>
            {last.data ? (
              <BidiParts parts={[formatDateTimeFull(last.data.at), `${t('checkpointAtEntry')} ${formatNumber(last.data.seq)}`]} />
            ) : (
              last.isSuccess && t('noCheckpoint')
            )}
          </Text>
          <Text size="xs" c="dimmed" title={last.data?.file ?? undefined}>
            {t('checkpointHelp')}
          </Text>
        </Stack>
      </Group>
      {last.isError && <Alert color="red">{errorText(last.error, lang)}</Alert>}
      {verify.data && summary && (
        <Alert color={verify.data.ok ? 'green' : 'red'} role="status" py="xs">
          <BidiText text={summary.headline} />
          {summary.detail && (
            <Text size="sm" mt={4}>
              <BidiText text={summary.detail} />
            </Text>
          )}
        </Alert>
      )}
      {verify.isError && <Alert color="red">{errorText(verify.error, lang)}</Alert>}
      <AuditTrail />
    </Stack>
  );
}
