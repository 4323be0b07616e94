import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import type { SessionInfo } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText, type FieldLabels, type ShownError } from '../components/errors';
import { SignInHeader } from '../components/SignInHeader';
import { MESSAGES } from '../i18n/messages';
import { useRequiredFields } from '../components/required-fields';

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
  const [error, setError] = useState<ShownError>(null);
  const [busy, setBusy] = useState(false);
  const required = useRequiredFields();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!required.check([newPassword, repeat], e.currentTarget)) return;
    if (newPassword !== repeat) return setError(MESSAGES.passwordsDiffer);
    setBusy(true);
    setError(null);
    try {
      await onDone(await client.call('auth.changePassword', { username, currentPassword, newPassword }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SignInHeader />
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
          error={required.errorFor(newPassword)}
          autoFocus
          autoComplete="new-password"
          dir="ltr"
        />
        <PasswordInput
          label={t('repeatNewPassword')}
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          required
          error={required.errorFor(repeat)}
          autoComplete="new-password"
          dir="ltr"
        />
        {error !== null && (
          <Alert color="red" role="alert">
            {errorText(error, lang, { newPassword: MESSAGES.newPassword } satisfies FieldLabels)}
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
