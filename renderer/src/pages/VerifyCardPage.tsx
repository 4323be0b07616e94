import { useState } from 'react';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { TERMS, type CardVerification } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText } from '../components/errors';
import { useRoute } from '../route';

const COLOUR: Record<CardVerification['verdict'], string> = { valid: 'green', expired: 'orange', void: 'red', forged: 'red' };

/** Anyone can check a card by its QR code, signed in or not: a scanner types the payload and Enter. */
export function VerifyCardPage() {
  const { client, user } = useSession();
  const { t, pick, lang, formatDate } = useLocale();
  // A mumaris-desk://verify link arrives as #/verify/<payload>: filled in, checked when the user confirms.
  const route = useRoute();
  const [payload, setPayload] = useState(route.page === 'verify' ? (route.payload ?? '') : '');
  const verify = useMutation({ mutationFn: (p: string) => client.call('cards.verify', { payload: p }) });
  const v = verify.data;
  return (
    <Stack maw={640} mx="auto" p="md">
      <Title order={2} size="h3">
        {pick(TERMS.actions.verify_card)}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (payload.trim()) verify.mutate(payload.trim());
        }}
      >
        <Group align="end" wrap="nowrap">
          <TextInput
            label={t('verifyPayload')}
            description={t('verifyHelp')}
            value={payload}
            onChange={(e) => setPayload(e.currentTarget.value)}
            dir="ltr"
            autoFocus
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={verify.isPending}>
            {t('verify')}
          </Button>
        </Group>
      </form>
      {verify.isError && <Alert color="red">{errorText(verify.error, lang)}</Alert>}
      {v && (
        <Paper
          withBorder
          p="md"
          role="status"
          aria-live="polite"
          style={{ borderInlineStart: `6px solid var(--mantine-color-${COLOUR[v.verdict]}-8)` }}
        >
          <Text fw={700} size="lg" c={`${COLOUR[v.verdict]}.9`}>
            {t(`verdict_${v.verdict}`)}
          </Text>
          {v.verdict !== 'forged' && (
            <Stack gap={4} mt="xs">
              <Text>
                {`${t('cardNumber')}: `}
                <span dir="ltr">{v.number}</span>
              </Text>
              {v.holder && (
                <Text>
                  {`${t('holder')}: ${lang === 'ar' ? v.holder.nameAr : v.holder.nameEn} · `}
                  <span dir="ltr">{v.holder.idMasked}</span>
                </Text>
              )}
              {v.issuedAt && <Text>{`${t('issuedOn')}: ${formatDate(v.issuedAt)}`}</Text>}
              {v.expiresAt && <Text>{`${t('expires')}: ${formatDate(v.expiresAt)}`}</Text>}
              {v.reason && (
                <Text>
                  {t(`reason_${v.reason}`)}
                  {v.replacedBy && (
                    <>
                      {': '}
                      <span dir="ltr">{v.replacedBy}</span>
                    </>
                  )}
                </Text>
              )}
            </Stack>
          )}
        </Paper>
      )}
      {/* The bare address: signing in then lands each role on its own work. */}
      {!user && <Anchor href="#/">{t('backToSignIn')}</Anchor>}
    </Stack>
  );
}
