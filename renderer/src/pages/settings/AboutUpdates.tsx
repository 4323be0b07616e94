import { Alert, Card, Code, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { UpdateCheck } from '../../../../shared/updates';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { fill } from '../../i18n/fill';
import { errorText } from '../../components/errors';

/** What the last update check found, in the user's language. */
function outcomeText(check: UpdateCheck, t: ReturnType<typeof useLocale>['t']): string {
  const version = check.version ?? '';
  switch (check.outcome) {
    case 'none':
      return t('updateOutcomeNone');
    case 'available':
      return fill(t('updateOutcomeAvailable'), { version });
    case 'downloaded':
      return fill(t('updateOutcomeDownloaded'), { version });
    case 'failed':
      return t('updateOutcomeFailed');
  }
}

/** Administrators: the desk's version, where the desktop app looks for updates, and what it last found. */
export function AboutUpdates() {
  const { client } = useSession();
  const { t, lang, formatDateTimeFull } = useLocale();
  const view = useQuery({ queryKey: ['app.updates'], queryFn: () => client.call('app.updates', {}) });
  const v = view.data;
  return (
    <Card withBorder component="section" aria-labelledby="about-updates-title">
      <Stack>
        <Title order={3} size="h4" id="about-updates-title">
          {t('aboutUpdates')}
        </Title>
        <Text size="sm">{t('updatesHelp')}</Text>
        {view.isPending && <Loader role="status" aria-label={t('loading')} />}
        {view.isError && <Alert color="red">{errorText(view.error, lang)}</Alert>}
        {v && (
          <Table aria-labelledby="about-updates-title">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={200}>{t('appVersion')}</Table.Th>
                <Table.Td dir="ltr">{v.version}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('updateChannel')}</Table.Th>
                <Table.Td>{t(`updateChannel_${v.channel}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('updateServer')}</Table.Th>
                <Table.Td>
                  {v.feedUrl ? <Code dir="ltr">{v.feedUrl}</Code> : <Text size="sm">{t('updateServerNone')}</Text>}
                  {v.settingsFile && (
                    <Text size="xs" c="dimmed">
                      {t('updateSettingsFile')} <Code dir="ltr">{v.settingsFile}</Code>
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('lastUpdateCheck')}</Table.Th>
                <Table.Td>
                  {v.lastCheck ? (
                    <>
                      <Text size="sm">{formatDateTimeFull(v.lastCheck.at)}</Text>
                      <Text size="sm">{outcomeText(v.lastCheck, t)}</Text>
                      {v.lastCheck.message && (
                        <Text size="xs" c="dimmed" dir="ltr">
                          {v.lastCheck.message}
                        </Text>
                      )}
                    </>
                  ) : (
                    t('neverChecked')
                  )}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
        {v?.problem && (
          <Alert color="orange" dir="ltr">
            {v.problem}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
