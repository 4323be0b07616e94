import { Alert, Button, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { fill } from '../i18n/fill';
import { errorText } from '../components/errors';

/** Administrators: the backups the desk keeps (scheduled and on demand), and how to restore one. */
export function BackupsPage() {
  const { client } = useSession();
  const { t, lang, formatDateTime, formatNumber } = useLocale();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['backups.list'], queryFn: () => client.call('backups.list', {}) });
  const run = useMutation({
    mutationFn: () => client.call('backups.run', {}),
    onSuccess: (data) => queryClient.setQueryData(['backups.list'], data),
  });
  const data = run.data ?? list.data;
  if (data?.database === 'postgres') {
    return (
      <Stack>
        <Title order={2} size="h3">
          {t('backups')}
        </Title>
        <Alert color="gray">{t('backupsOnPostgres')}</Alert>
        <Code block dir="ltr">
          {
            'pg_dump --format=custom --file=mumaris-$(date +%F).dump "postgres://…/mumaris"\npg_restore --clean --if-exists --dbname="postgres://…/mumaris" mumaris-YYYY-MM-DD.dump'
          }
        </Code>
      </Stack>
    );
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('backups')}
        </Title>
        <Button onClick={() => run.mutate()} loading={run.isPending}>
          {t('backupNow')}
        </Button>
      </Group>
      <Text size="sm">{t('backupsHelp')}</Text>
      {list.isPending && <Loader role="status" aria-label={t('loading')} />}
      {(list.isError || run.isError) && <Alert color="red">{errorText(list.error ?? run.error, lang)}</Alert>}
      {data?.folder && (
        <Text size="sm">
          {`${t('backupFolder')}: `}
          <Code dir="ltr">{data.folder}</Code>
        </Text>
      )}
      {data && data.backups.length === 0 && <Text c="dimmed">{t('noBackups')}</Text>}
      {data && data.backups.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backupTime')}</Table.Th>
              <Table.Th>{t('backupFile')}</Table.Th>
              <Table.Th>{t('backupSize')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.backups.map((b) => (
              <Table.Tr key={b.name}>
                <Table.Td>{formatDateTime(b.at)}</Table.Td>
                <Table.Td dir="ltr" style={{ textAlign: 'start' }}>
                  {b.name}
                </Table.Td>
                <Table.Td>{fill(t('sizeKilobytes'), { n: formatNumber(Math.round(b.bytes / 1024)) })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Alert color="gray" title={t('restoreTitle')}>
        <Text size="sm">{t('restoreHelp')}</Text>
        <Code block dir="ltr" mt="xs">
          npm run --silent desk -- restore BACKUP_FILE --db DATABASE_FILE
        </Code>
      </Alert>
    </Stack>
  );
}
