import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, MultiSelect, Paper, PasswordInput, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLES, ROLE_LABELS, type Role, type UserAdminView } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText, type FieldLabels, type ShownError } from '../components/errors';
import { MESSAGES } from '../i18n/messages';
import { RoleGrantsPanel } from '../components/RoleGrantsPanel';
import { UserEditModal } from '../components/UserEditModal';

/** The add-user form's fields, by the names the main process gives them in its refusals. */
const ADD_USER_FIELDS: FieldLabels = {
  username: MESSAGES.username,
  displayName: MESSAGES.displayName,
  password: MESSAGES.password,
  roles: MESSAGES.roles,
};

/**
 * Admins add users, edit, disable, reset passwords, unlock, and confirm each other's role grants
 * (every change is audited in the main process; a role given waits for a second admin).
 */
export function UsersPage() {
  const { client } = useSession();
  const { t, pick, lang, formatList } = useLocale();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['users.list'], queryFn: () => client.call('users.list', {}) });
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(['reviewer']);
  const [error, setError] = useState<ShownError>(null);
  const [notice, setNotice] = useState<ShownError>(null);
  const [editing, setEditing] = useState<UserAdminView | null>(null);
  const roleData = ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }));

  async function add() {
    setError(null);
    setNotice(null);
    try {
      const created = await client.call('users.create', { username, displayName, password, roles });
      if (created.roles.length < roles.length) setNotice(MESSAGES.rolesAwaitConfirmation);
      setUsername('');
      setDisplayName('');
      setPassword('');
      await queryClient.invalidateQueries({ queryKey: ['users.list'] });
      await queryClient.invalidateQueries({ queryKey: ['users.grants'] });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('users')}
      </Title>
      {q.isPending && <Loader role="status" aria-label={t('loading')} />}
      {q.isError && <Alert color="red">{errorText(q.error, lang)}</Alert>}
      {q.data && (
        <Table aria-label={t('users')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('username')}</Table.Th>
              <Table.Th>{t('displayName')}</Table.Th>
              <Table.Th>{t('roles')}</Table.Th>
              <Table.Th>{t('status')}</Table.Th>
              <Table.Th>{t('userActions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td dir="ltr">{u.username}</Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{formatList(u.roles.map((r) => pick(ROLE_LABELS[r])))}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="light" color={u.active ? 'teal' : 'gray'}>
                      {t(u.active ? 'userActive' : 'userDisabled')}
                    </Badge>
                    {u.lockedUntil && (
                      <Badge variant="light" color="red">
                        {t('userLocked')}
                      </Badge>
                    )}
                    {u.mustChangePassword && (
                      <Badge variant="light" color="orange">
                        {t('userMustChangePassword')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setEditing(u)} aria-label={`${t('userEdit')} ${u.username}`}>
                    {t('userEdit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <UserEditModal user={editing} onClose={() => setEditing(null)} />}
      <RoleGrantsPanel />
      <Paper withBorder p="md" maw={520}>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('addUser')}
          </Title>
          <TextInput label={t('username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} dir="ltr" />
          <TextInput label={t('displayName')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} />
          <PasswordInput
            label={t('password')}
            description={t('passwordRule')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            dir="ltr"
          />
          <MultiSelect label={t('roles')} description={t('rolesGrantHelp')} data={roleData} value={roles} onChange={(v) => setRoles(v as Role[])} />
          {error !== null && <Alert color="red">{errorText(error, lang, ADD_USER_FIELDS)}</Alert>}
          {notice !== null && <Alert color="blue">{errorText(notice, lang)}</Alert>}
          <Group justify="flex-end">
            <Button onClick={() => void add()}>{t('create')}</Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
