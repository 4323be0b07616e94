import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import type { SessionInfo } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText } from '../components/errors';

/**
 * After an admin reset the password, sign-in answers "choose a new one": this form sends the
 * temporary password just typed with the new one (auth.changePassword) and signs in with it.
 */
export function ChangePasswordForm({
  username,
  currentPassword,
  onDone,
  onCancel,
}: {
  username: string;
  currentPassword: string;
  onDone: (session: SessionInfo) => Promise<void>;
  onCancel: () => void;
}) {
  const { client } = useSession();
  const { t, lang } = useLocale();
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (newPassword !== repeat) return setError(t('passwordsDiffer'));
    setBusy(true);
    setError(null);
    try {
      await onDone(await client.call('auth.changePassword', { username, currentPassword, newPassword }));
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit}>
      <Stack>
        <Title order={2} size="h5">
          {t('changePasswordTitle')}
        </Title>
        <Text size="sm">{t('changePasswordHelp')}</Text>
        <Text size="sm" dir="ltr">
          {username}
        </Text>
        <PasswordInput
          label={t('newPassword')}
          description={t('passwordRule')}
          value={newPassword}
          onChange={(e) => setNewPassword(e.currentTarget.value)}
          required
          autoFocus
          autoComplete="new-password"
          dir="ltr"
        />
        <PasswordInput
          label={t('repeatNewPassword')}
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          required
          autoComplete="new-password"
          dir="ltr"
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="space-between">
          <Button variant="subtle" onClick={onCancel}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('savePasswordAndSignIn')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
