import { Alert, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText } from '../components/errors';

/** The applicant e-mails queued by decisions, newest first. */
export function OutboxPage() {
  const { client } = useSession();
  const { t, lang, formatDateTime } = useLocale();
  const q = useQuery({ queryKey: ['outbox.list'], queryFn: () => client.call('outbox.list', { limit: 100 }) });
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('outbox')}
      </Title>
      {q.isPending && <Loader aria-label={t('loading')} />}
      {q.isError && <Alert color="red">{errorText(q.error, lang)}</Alert>}
      {q.data?.length === 0 && <Text c="dimmed">{t('emptyQueue')}</Text>}
      {q.data?.map((m) => (
        <Paper key={m.id} withBorder p="sm">
          <Group justify="space-between">
            <Text fw={700}>{lang === 'ar' ? m.subjectAr : m.subjectEn}</Text>
            <Badge variant="light" color={m.sentAt ? 'green' : 'gray'} styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
              {m.sentAt ? t('sent') : t('notSent')}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {`${t('to')}: `}
            {/* An empty address or body: withheld from this user's roles by the desk (auth/visibility.ts). */}
            {m.to ? <span dir="ltr">{m.to}</span> : t('withheldForRole')}
            {` · ${formatDateTime(m.createdAt)}`}
          </Text>
          {m.bodyAr || m.bodyEn ? (
            <>
              <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }} dir="rtl" lang="ar">
                {m.bodyAr}
              </Text>
              <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }} dir="ltr" lang="en">
                {m.bodyEn}
              </Text>
            </>
          ) : (
            <Text size="sm" mt="xs" c="dimmed">
              {t('withheldForRole')}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
