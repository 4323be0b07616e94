import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { CheckpointCheck } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';
import { errorText } from '../components/errors';

const VERDICT: Record<CheckpointCheck['verdict'], MessageKey> = {
  matches: 'checkpointMatches',
  missing: 'checkpointMissing',
  rewritten: 'checkpointRewritten',
  unverified: 'checkpointUnverified',
};

/** Admins check the hash chain of the audit log on demand, against the newest signed checkpoint kept outside the database. */
export function AuditPage() {
  const { client } = useSession();
  const { t, lang, formatNumber, formatDateTime } = useLocale();
  const verify = useMutation({ mutationFn: () => client.call('audit.verify', {}) });
  const last = useQuery({ queryKey: ['audit.lastCheckpoint'], queryFn: () => client.call('audit.lastCheckpoint', {}) });
  const check = verify.data?.checkpoint;
  return (
    <Stack maw={640}>
      <Title order={2} size="h3">
        {t('audit')}
      </Title>
      <Stack gap={2} aria-label={t('lastCheckpoint')}>
        <Text fw={600}>{t('lastCheckpoint')}</Text>
        {last.data ? (
          <Text>{`${formatDateTime(last.data.at)} · ${t('checkpointAtEntry')} ${formatNumber(last.data.seq)}`}</Text>
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
      {verify.data && (
        <Alert color={verify.data.ok ? 'green' : 'red'} role="status">
          {verify.data.ok
            ? `${t('chainOk')}: ${formatNumber(verify.data.entries)} ${t('entries')}`
            : `${t('chainBroken')} ${verify.data.brokenAt}: ${verify.data.reason}`}
          {check && (
            <Text size="sm" mt={4}>
              {`${t(VERDICT[check.verdict])} — `}
              <span dir="ltr">{check.message}</span>
            </Text>
          )}
        </Alert>
      )}
      {verify.isError && <Alert color="red">{errorText(verify.error, lang)}</Alert>}
    </Stack>
  );
}
