import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText, type ShownError } from './errors';

/**
 * Roles one admin gave that a second admin confirms or refuses (four-eyes on privileges). A grant
 * flagged on a single-admin desk is already in effect: refusing it removes the role at once.
 */
export function RoleGrantsPanel() {
  const { client } = useSession();
  const { t, pick, lang, formatDateTime } = useLocale();
  const queryClient = useQueryClient();
  const grants = useQuery({ queryKey: ['users.grants'], queryFn: () => client.call('users.grants', {}) });
  const [error, setError] = useState<ShownError>(null);

  async function decide(method: 'users.confirmGrant' | 'users.refuseGrant', grantId: number) {
    setError(null);
    try {
      await client.call(method, { grantId });
    } catch (e) {
      setError(e);
    }
    await queryClient.invalidateQueries({ queryKey: ['users.grants'] });
    await queryClient.invalidateQueries({ queryKey: ['users.list'] });
  }

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('pendingGrants')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('rolesGrantHelp')}
        </Text>
        {grants.isError && <Alert color="red">{errorText(grants.error, lang)}</Alert>}
        {error !== null && (
          <Alert color="red" role="alert">
            {errorText(error, lang)}
          </Alert>
        )}
        {grants.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('noPendingGrants')}
          </Text>
        )}
        {grants.data && grants.data.length > 0 && (
          <Table aria-label={t('pendingGrants')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('grantedTo')}</Table.Th>
                <Table.Th>{t('roles')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('grantedBy')}</Table.Th>
                <Table.Th>{t('grantedAt')}</Table.Th>
                <Table.Th>{t('userActions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grants.data.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    {g.user.displayName} <Text span size="xs" c="dimmed" dir="ltr">{`(${g.user.username})`}</Text>
                  </Table.Td>
                  <Table.Td>{pick(ROLE_LABELS[g.role])}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={g.status === 'flagged' ? 'orange' : 'gray'}
                      title={g.status === 'flagged' ? t('grantFlaggedHelp') : undefined}
                    >
                      {t(g.status === 'flagged' ? 'grantFlagged' : 'grantPending')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{g.requestedBy?.displayName ?? '—'}</Table.Td>
                  <Table.Td>{formatDateTime(g.requestedAt)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {g.mayConfirm ? (
                        <Button size="xs" onClick={() => void decide('users.confirmGrant', g.id)}>
                          {t('confirm')}
                        </Button>
                      ) : (
                        <Text size="xs" c="dimmed">
                          {t('grantNotYours')}
                        </Text>
                      )}
                      <Button size="xs" variant="light" color="red" onClick={() => void decide('users.refuseGrant', g.id)}>
                        {t('refuseGrant')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
