import { useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { SERVICE_LABELS, TERMS, type CardVerification, type Service } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText } from '../components/errors';
import { useRoute } from '../route';
import { SignInHeader } from '../components/SignInHeader';
import { BidiParts, Labelled, Ltr } from '../components/BidiText';
import type { MessageKey } from '../i18n/messages';

const COLOUR: Record<CardVerification['verdict'], string> = { valid: 'green', expired: 'orange', void: 'red', forged: 'red' };

/** The verdict's name: a letter or certificate is a "document", never called a card. */
function verdictKey(v: CardVerification): MessageKey {
  if (v.verdict !== 'forged' && v.kind === 'document') return `verdictDoc_${v.verdict}`;
  return `verdict_${v.verdict}`;
}

/**
 * Anyone can check a card (or an issued letter) by its QR code, signed in or not: a scanner types
 * the payload and Enter. Signed out, the page carries the language switch of the sign-in screens.
 */
export function VerifyCardPage() {
  const { client, user } = useSession();
  const { t, pick, lang, formatDate } = useLocale();
  // A mumaris-desk://verify link arrives as #/verify/<payload>: filled in, checked when the user confirms.
  const route = useRoute();
  const [payload, setPayload] = useState(route.page === 'verify' ? (route.payload ?? '') : '');
  const verify = useMutation({ mutationFn: (p: string) => client.call('cards.verify', { payload: p }) });
  // An empty submit says what to do instead of doing nothing.
  const [empty, setEmpty] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const v = verify.data;
  return (
    <Stack maw={640} mx="auto" p="md">
      {!user && <SignInHeader />}
      <Title order={2} size="h3">
        {pick(TERMS.actions.verify_card)}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (payload.trim()) {
            setEmpty(false);
            verify.mutate(payload.trim());
          } else {
            verify.reset();
            setEmpty(true);
            field.current?.focus();
          }
        }}
      >
        <Group align="end" wrap="nowrap">
          <TextInput
            label={t('verifyPayload')}
            description={t('verifyHelp')}
            ref={field}
            value={payload}
            onChange={(e) => {
              setPayload(e.currentTarget.value);
              setEmpty(false);
            }}
            // The field is marked; the message stands below the row (inside it, it would push the button down).
            error={empty}
            dir="ltr"
            autoFocus
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={verify.isPending}>
            {t('verify')}
          </Button>
        </Group>
      </form>
      {empty && (
        <Alert color="red" role="alert">
          {t('verifyEmpty')}
        </Alert>
      )}
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
            {t(verdictKey(v))}
          </Text>
          <Text size="sm">{t(`verdictHelp_${v.verdict}`)}</Text>
          {v.verdict !== 'forged' && (
            <Stack gap={4} mt="xs">
              <Text>
                <Labelled label={t(v.kind === 'document' ? 'documentReference' : 'cardNumber')} value={<Ltr>{v.number}</Ltr>} />
              </Text>
              {v.kind === 'document' && v.service && v.service in SERVICE_LABELS && <Text>{pick(SERVICE_LABELS[v.service as Service])}</Text>}
              {v.holder && (
                <Text>
                  {`${t('holder')}: `}
                  <BidiParts parts={[lang === 'ar' ? v.holder.nameAr : v.holder.nameEn, <Ltr key="id">{v.holder.idMasked}</Ltr>]} />
                </Text>
              )}
              {v.issuedAt && (
                <Text>
                  <Labelled label={t('issuedOn')} value={formatDate(v.issuedAt)} />
                </Text>
              )}
              {v.expiresAt && (
                <Text>
                  <Labelled label={t('expires')} value={formatDate(v.expiresAt)} />
                </Text>
              )}
              {v.reason && (
                <Text>
                  {t(`reason_${v.reason}`)}
                  {v.replacedBy && (
                    <>
                      {': '}
                      <Ltr>{v.replacedBy}</Ltr>
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
