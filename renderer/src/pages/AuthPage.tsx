import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Checkbox, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText, type FieldLabels, type ShownError } from '../components/errors';
import { MESSAGES } from '../i18n/messages';
import { SignInHeader } from '../components/SignInHeader';
import { TERMS } from '../../../shared/domain';
import { DeskCallError } from '../api/client';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useRequiredFields } from '../components/required-fields';
import { AppFrame } from '../signed-in-frame';

/** The fields of the sign-in and first-run forms, by the names the main process gives them in its refusals. */
const SIGN_IN_FIELDS: FieldLabels = { username: MESSAGES.username, displayName: MESSAGES.displayName, password: MESSAGES.password };

/** Sign-in, or on a database with no user the first-run screen that creates the first admin. */
export function AuthPage({ firstRun }: { firstRun: boolean }) {
  const { client, signedIn } = useSession();
  const { t, pick } = useLocale();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [loadDemo, setLoadDemo] = useState(false);
  const [error, setError] = useState<ShownError>(null);
  const [busy, setBusy] = useState(false);
  /** The password was right but an admin reset it: a new one is chosen before the session opens. */
  const [mustChange, setMustChange] = useState(false);
  const { lang } = useLocale();
  const required = useRequiredFields();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!required.check(firstRun ? [username, displayName, password] : [username, password], e.currentTarget)) return;
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
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" bg="gray.0">
      {/* Wide enough for the Arabic title and the language switch on one row. */}
      <Paper component="main" withBorder shadow="sm" p="xl" w={440}>
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
          <form
            onSubmit={submit}
            // Typing here fetches the signed-in frame meanwhile (signed-in-frame.ts).
            onInput={() => void AppFrame.preload()}
            noValidate
          >
            <Stack>
              <SignInHeader />
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
                error={required.errorFor(username)}
                autoFocus
                autoComplete="username"
                dir="ltr"
              />
              {firstRun && (
                <TextInput
                  label={t('displayName')}
                  value={displayName}
                  onChange={(e) => setDisplayName(e.currentTarget.value)}
                  required
                  error={required.errorFor(displayName)}
                />
              )}
              <PasswordInput
                label={t('password')}
                description={firstRun ? t('passwordRule') : undefined}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
                error={required.errorFor(password)}
                autoComplete={firstRun ? 'new-password' : 'current-password'}
                dir="ltr"
              />
              {firstRun && <Checkbox label={t('loadDemo')} checked={loadDemo} onChange={(e) => setLoadDemo(e.currentTarget.checked)} />}
              {error !== null && (
                <Alert color="red" role="alert">
                  {errorText(error, lang, SIGN_IN_FIELDS)}
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
