import { useState } from 'react';
import { Alert, Button, Divider, Group, Modal, MultiSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ArgsOf } from '../../../shared/contract';
import { ROLES, ROLE_LABELS, type Role, type UserAdminView } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText, type FieldLabels, type ShownError } from './errors';
import { MESSAGES } from '../i18n/messages';

/** The fields of this form by the names the main process gives them in its refusals. */
const EDIT_USER_FIELDS: FieldLabels = {
  displayName: MESSAGES.displayName,
  roles: MESSAGES.roles,
  password: MESSAGES.temporaryPassword,
};

type UserCall = 'users.update' | 'users.setRoles' | 'users.resetPassword' | 'users.disable' | 'users.enable' | 'users.unlock';

/** An admin's changes to one user: name, roles, a temporary password, disable or enable, unlock. Each is its own call, audited. */
export function UserEditModal({ user, onClose }: { user: UserAdminView; onClose: () => void }) {
  const { client, user: me } = useSession();
  const { t, pick, lang } = useLocale();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [temporary, setTemporary] = useState('');
  const [error, setError] = useState<ShownError>(null);
  const [busy, setBusy] = useState(false);
  const self = me?.id === user.id;

  async function run<M extends UserCall>(method: M, args: ArgsOf<M>, closeAfter = true) {
    setBusy(true);
    setError(null);
    try {
      await client.call(method, args);
      await queryClient.invalidateQueries({ queryKey: ['users.list'] });
      await queryClient.invalidateQueries({ queryKey: ['users.grants'] });
      if (closeAfter) onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={`${t('editUser')}: ${user.username}`} size="lg">
      <Stack gap="sm">
        <Group align="flex-end">
          <TextInput label={t('displayName')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button
            disabled={busy || displayName.trim() === user.displayName}
            onClick={() => void run('users.update', { userId: user.id, displayName })}
          >
            {t('save')}
          </Button>
        </Group>
        <Divider />
        <MultiSelect
          label={t('roles')}
          description={t('rolesChangeHelp')}
          data={ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))}
          value={roles}
          onChange={(v) => setRoles(v as Role[])}
        />
        <Group justify="flex-end">
          <Button disabled={busy} onClick={() => void run('users.setRoles', { userId: user.id, roles })}>
            {t('saveRoles')}
          </Button>
        </Group>
        <Divider />
        <Group align="flex-end">
          <PasswordInput
            label={t('temporaryPassword')}
            description={t('temporaryPasswordHelp')}
            value={temporary}
            onChange={(e) => setTemporary(e.currentTarget.value)}
            autoComplete="new-password"
            dir="ltr"
            style={{ flex: 1 }}
          />
          <Button disabled={busy || temporary.length === 0} onClick={() => void run('users.resetPassword', { userId: user.id, password: temporary })}>
            {t('resetPassword')}
          </Button>
        </Group>
        <Divider />
        {!self && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('disableUserHelp')}
            </Text>
            {user.active ? (
              <Button color="red" variant="light" disabled={busy} onClick={() => void run('users.disable', { userId: user.id })}>
                {t('disableUser')}
              </Button>
            ) : (
              <Button variant="light" disabled={busy} onClick={() => void run('users.enable', { userId: user.id })}>
                {t('enableUser')}
              </Button>
            )}
          </Group>
        )}
        {user.lockedUntil && (
          <Group justify="flex-end">
            <Button variant="light" disabled={busy} onClick={() => void run('users.unlock', { userId: user.id })}>
              {t('unlockUser')}
            </Button>
          </Group>
        )}
        {error !== null && (
          <Alert color="red" role="alert">
            {errorText(error, lang, EDIT_USER_FIELDS)}
          </Alert>
        )}
      </Stack>
    </Modal>
  );
}
