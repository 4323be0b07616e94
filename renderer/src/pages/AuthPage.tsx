import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Checkbox, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText } from '../components/errors';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { TERMS } from '../../../shared/domain';
import { DeskCallError } from '../api/client';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Sign-in, or on a database with no user the first-run screen that creates the first admin. */
export function AuthPage({ firstRun }: { firstRun: boolean }) {
  const { client, signedIn } = useSession();
  const { t, pick } = useLocale();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [loadDemo, setLoadDemo] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The password was right but an admin reset it: a new one is chosen before the session opens. */
  const [mustChange, setMustChange] = useState(false);
  const { lang } = useLocale();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = firstRun
        ? await client.call('auth.createFirstAdmin', { username, displayName, password, loadDemo })
        : await client.call('auth.signIn', { username, password });
      signedIn(session);
      await queryClient.invalidateQueries();
    } catch (err) {
      if (err instanceof DeskCallError && err.code === 'password_change_required') setMustChange(true);
      else setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w={420}>
        {mustChange ? (
          <ChangePasswordForm
            username={username}
            currentPassword={password}
            onDone={async (session) => {
              signedIn(session);
              await queryClient.invalidateQueries();
            }}
            onCancel={() => {
              setMustChange(false);
              setPassword('');
            }}
          />
        ) : (
          <form onSubmit={submit}>
            <Stack>
              <Group justify="space-between" align="flex-start">
                <div>
                  <Title order={1} size="h3">
                    {t('appName')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {pick(TERMS.commission)}
                  </Text>
                </div>
                <LanguageSwitch />
              </Group>
              {firstRun && (
                <>
                  <Title order={2} size="h5">
                    {t('firstRunTitle')}
                  </Title>
                  <Text size="sm">{t('firstRunHelp')}</Text>
                </>
              )}
              <TextInput
                label={t('username')}
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                required
                autoFocus
                autoComplete="username"
                dir="ltr"
              />
              {firstRun && (
                <TextInput label={t('displayName')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} required />
              )}
              <PasswordInput
                label={t('password')}
                description={firstRun ? t('passwordRule') : undefined}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
                autoComplete={firstRun ? 'new-password' : 'current-password'}
                dir="ltr"
              />
              {firstRun && <Checkbox label={t('loadDemo')} checked={loadDemo} onChange={(e) => setLoadDemo(e.currentTarget.checked)} />}
              {error && (
                <Alert color="red" role="alert">
                  {error}
                </Alert>
              )}
              <Button type="submit" loading={busy}>
                {firstRun ? t('create') : t('signIn')}
              </Button>
              {!firstRun && (
                <Anchor href="#/verify" size="sm" ta="center">
                  {pick(TERMS.actions.verify_card)}
                </Anchor>
              )}
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}
