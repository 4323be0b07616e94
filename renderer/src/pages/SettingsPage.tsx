import { Alert, Badge, Button, Card, Code, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DatabaseProbe, DatabaseSettingsView } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText } from '../components/errors';
import { ErrorNotice, RawDetails } from '../components/ErrorNotice';
import { DeliverySettings } from './settings/DeliverySettings';
import { AboutUpdates } from './settings/AboutUpdates';

const SOURCE_LABEL = {
  environment: 'sourceEnvironment',
  command_line: 'sourceCommandLine',
  settings: 'sourceSettings',
  default: 'sourceDefault',
} as const;

/** Administrators: which database this desk works on, and moving it to a team's PostgreSQL server. */
export function SettingsPage() {
  const { client } = useSession();
  const { t, lang } = useLocale();
  const queryClient = useQueryClient();
  const view = useQuery({ queryKey: ['settings.database'], queryFn: () => client.call('settings.database', {}) });
  const [address, setAddress] = useState('');
  const probe = useMutation({ mutationFn: (a: string) => client.call('settings.testDatabase', { address: a }) });
  const save = useMutation({
    mutationFn: (a: string | null) => client.call('settings.saveDatabase', { address: a }),
    onSuccess: (data) => {
      queryClient.setQueryData(['settings.database'], data);
      // Saved: the table above now shows it; the form is ready for another address.
      setAddress('');
      probe.reset();
    },
  });
  const data = view.data;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (address.trim()) probe.mutate(address.trim());
  };
  return (
    <Stack maw={900}>
      <Title order={2} size="h3">
        {t('settings')}
      </Title>
      <Card withBorder>
        <Stack>
          <Title order={3} size="h4">
            {t('database')}
          </Title>
          <Text size="sm">{t('databaseHelp')}</Text>
          {view.isPending && <Loader role="status" aria-label={t('loading')} />}
          {view.isError && <Alert color="red">{errorText(view.error, lang)}</Alert>}
          {data && <InUse data={data} />}
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <TextInput
                label={t('databaseAddress')}
                description={t('databaseAddressHint')}
                dir="ltr"
                value={address}
                onChange={(e) => {
                  setAddress(e.currentTarget.value);
                  probe.reset();
                  save.reset();
                }}
                placeholder="postgres://desk@db.example.sa:5432/mumaris?sslmode=verify-full"
                autoComplete="off"
                spellCheck={false}
              />
              <Group>
                <Button type="submit" variant="light" disabled={!address.trim()} loading={probe.isPending}>
                  {t('testConnection')}
                </Button>
                <Button
                  disabled={!data?.canSave || !probe.data?.ok || probe.data.newerThanDesk}
                  loading={save.isPending}
                  onClick={() => save.mutate(address.trim())}
                >
                  {t('saveForNextStart')}
                </Button>
                {data?.saved && (
                  <Button variant="subtle" disabled={!data.canSave} onClick={() => save.mutate(null)}>
                    {t('useDefaultFile')}
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
          {probe.data && <ProbeResult probe={probe.data} />}
          {(probe.isError || save.isError) && <ErrorNotice error={probe.error ?? save.error} />}
          {data && !data.canSave && (
            <Text size="sm" c="dimmed">
              {t('cannotSave')}
            </Text>
          )}
          {data?.restartNeeded && (
            <Alert color="yellow" role="status">
              {t('restartNeeded')}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('liveUpdates')}
          </Text>
        </Stack>
      </Card>
      <DeliverySettings />
      <AboutUpdates />
    </Stack>
  );
}

function InUse({ data }: { data: DatabaseSettingsView }) {
  const { t } = useLocale();
  const overridden = data.saved !== null && (data.inUse.source === 'environment' || data.inUse.source === 'command_line');
  return (
    <Table variant="vertical" withTableBorder>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={220}>{t('databaseInUse')}</Table.Th>
          <Table.Td>
            <Group gap="xs">
              <Badge variant="light" tt="none" color={data.inUse.kind === 'postgres' ? 'teal' : 'gray'}>
                {t(data.inUse.kind === 'postgres' ? 'databaseKindPostgres' : 'databaseKindSqlite')}
              </Badge>
              <Code dir="ltr">{data.inUse.describe}</Code>
            </Group>
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>{t('databaseSource')}</Table.Th>
          <Table.Td>{t(SOURCE_LABEL[data.inUse.source])}</Table.Td>
        </Table.Tr>
        {data.saved && (
          <Table.Tr>
            <Table.Th>{t('savedAddress')}</Table.Th>
            <Table.Td>
              <Code dir="ltr">{data.saved}</Code>
              {overridden && (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('overriddenBy')}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

function ProbeResult({ probe }: { probe: DatabaseProbe }) {
  const { t, formatNumber } = useLocale();
  return (
    <Alert color={probe.ok && !probe.newerThanDesk ? 'teal' : 'red'} title={probe.ok ? t('reachable') : t('unreachable')} role="status">
      <Stack gap={4}>
        <Code dir="ltr">{probe.describe}</Code>
        {probe.server && <Text size="sm">{probe.server}</Text>}
        {probe.problem && <Text size="sm">{t(`probe_${probe.problem}`)}</Text>}
        {probe.ok && (
          <Text size="sm">{`${t('migrationsState')}: ${formatNumber(probe.migrationsApplied)} / ${formatNumber(probe.migrationsPending)}`}</Text>
        )}
        {probe.newerThanDesk && <Text size="sm">{t('newerDatabase')}</Text>}
        {probe.message && <RawDetails text={probe.message} label={t('errorDetails')} />}
      </Stack>
    </Alert>
  );
}
