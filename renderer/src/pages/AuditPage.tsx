import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText } from '../components/errors';
import { BidiParts, BidiText } from '../components/BidiText';
import { verifySummary } from './audit/verify-summary';

/** Admins check the hash chain of the audit log on demand, against the newest signed checkpoint kept outside the database. */
export function AuditPage() {
  const { client } = useSession();
  const { t, lang, formatNumber, formatDateTimeFull } = useLocale();
  const verify = useMutation({ mutationFn: () => client.call('audit.verify', {}) });
  const last = useQuery({ queryKey: ['audit.lastCheckpoint'], queryFn: () => client.call('audit.lastCheckpoint', {}) });
  // Written from the result's fields in the language on screen, so it follows a language switch too.
  const summary = verify.data && verifySummary(verify.data, lang, { number: formatNumber, dateTime: formatDateTimeFull });
  return (
    <Stack maw={640}>
      <Title order={2} size="h3">
        {t('audit')}
      </Title>
      <Stack gap={2} aria-label={t('lastCheckpoint')}>
        <Text fw={600}>{t('lastCheckpoint')}</Text>
        {last.data ? (
          <Text>
            <BidiParts parts={[formatDateTimeFull(last.data.at), `${t('checkpointAtEntry')} ${formatNumber(last.data.seq)}`]} />
          </Text>
        ) : (
          last.isSuccess && <Text c="dimmed">{t('noCheckpoint')}</Text>
        )}
        {last.data?.file && (
          <Text size="xs" c="dimmed" dir="ltr" style={{ wordBreak: 'break-all' }}>
            {last.data.file}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('checkpointHelp')}
        </Text>
      </Stack>
      {last.isError && <Alert color="red">{errorText(last.error, lang)}</Alert>}
      <Button onClick={() => verify.mutate()} loading={verify.isPending} style={{ alignSelf: 'flex-start' }}>
        {t('verifyChain')}
      </Button>
      {verify.data && summary && (
        <Alert color={verify.data.ok ? 'green' : 'red'} role="status">
          <BidiText text={summary.headline} />
          {summary.detail && (
            <Text size="sm" mt={4}>
              <BidiText text={summary.detail} />
            </Text>
          )}
        </Alert>
      )}
      {verify.isError && <Alert color="red">{errorText(verify.error, lang)}</Alert>}
    </Stack>
  );
}
