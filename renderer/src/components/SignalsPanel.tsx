import { useState } from 'react';
import { Anchor, Badge, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { SignalLink, SignalOutcome, SignalView } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { fill } from '../i18n/fill';
import { routeHref } from '../route';
import { BidiText } from './BidiText';
import { QueryStatus } from './QueryStatus';

const COLOR: Record<SignalOutcome, string> = { fail: 'red', warn: 'yellow', pass: 'green' };
const ORDER: Record<SignalOutcome, number> = { fail: 0, warn: 1, pass: 2 };

/**
 * The integrity signals of one request (issue #20), under its checks: each raised signal with its outcome,
 * its name, why in the reader's language, the other request or file it compared (one click to open or to
 * compare side by side) and the facts compared; the signals that found nothing are listed on one line.
 */
export function SignalsPanel({ requestId, onOpenAttachment }: { requestId: number; onOpenAttachment(id: number): void }) {
  const { client } = useSession();
  const { t, pick, lang } = useLocale();
  const q = useQuery({ queryKey: ['signals.forCase', requestId], queryFn: () => client.call('signals.forCase', { requestId }) });
  const raised = (q.data ?? []).filter((v) => v.outcome !== 'pass').sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome]);
  const clear = [
    ...new Set((q.data ?? []).filter((v) => v.outcome === 'pass' && !raised.some((r) => r.signal === v.signal)).map((v) => pick(v.title))),
  ];
  return (
    <Stack gap={6} mt="md" aria-label={t('sigTitle')} data-testid="signals-panel">
      <Title order={3} size="h5">
        {t('sigTitle')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('sigIntro')}
      </Text>
      <QueryStatus query={q} size="sm" />
      {raised.map((v, i) => (
        <SignalRow key={`${v.signal}-${i}`} v={v} requestId={requestId} onOpenAttachment={onOpenAttachment} />
      ))}
      {clear.length > 0 && (
        <Group gap="xs" wrap="nowrap" align="flex-start" data-outcome="pass">
          <Badge color={COLOR.pass} variant="light" w={110} styles={{ root: { flexShrink: 0 }, label: { color: 'var(--mantine-color-dark-7)' } }}>
            {t('sigOutcome_pass')}
          </Badge>
          <Text size="sm">{fill(t('sigAllClear'), { list: clear.join(lang === 'ar' ? '، ' : ', ') })}</Text>
        </Group>
      )}
    </Stack>
  );
}

function SignalRow({ v, requestId, onOpenAttachment }: { v: SignalView; requestId: number; onOpenAttachment(id: number): void }) {
  const { t, pick } = useLocale();
  const [facts, setFacts] = useState(false);
  const others = [...new Map(v.links.filter((l) => l.requestId !== requestId).map((l) => [l.requestId, l])).values()];
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-outcome={v.outcome} data-signal={v.signal}>
      <Badge color={COLOR[v.outcome]} variant="light" w={110} styles={{ root: { flexShrink: 0 }, label: { color: 'var(--mantine-color-dark-7)' } }}>
        {t(`sigOutcome_${v.outcome}`)}
      </Badge>
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text size="sm" fw={600} title={v.signal}>
          {pick(v.title)}
        </Text>
        <Text size="sm">
          <BidiText text={pick(v.explanation)} />
        </Text>
        <Group gap="md">
          {v.links
            .filter((l): l is Extract<SignalLink, { kind: 'attachment' }> => l.kind === 'attachment' && l.requestId === requestId)
            .map((l) => (
              <Anchor key={`own-${l.attachmentId}`} size="xs" component="button" type="button" onClick={() => onOpenAttachment(l.attachmentId)}>
                {fill(t('sigOpenFile'), { file: l.fileName })}
              </Anchor>
            ))}
          {others.slice(0, 5).map((l) => (
            <Group key={l.requestId} gap="xs">
              <Anchor size="xs" href={routeHref({ page: 'compare', a: requestId, b: l.requestId })}>
                {fill(t('sigCompare'), { reference: l.reference })}
              </Anchor>
              <Anchor size="xs" href={routeHref({ page: 'case', id: l.requestId })}>
                {fill(t('sigOpen'), { reference: l.reference })}
              </Anchor>
            </Group>
          ))}
          <Anchor size="xs" component="button" type="button" onClick={() => setFacts((f) => !f)} aria-expanded={facts}>
            {facts ? t('sigHideEvidence') : t('sigEvidence')}
          </Anchor>
        </Group>
        {facts && (
          <Code block dir="ltr" style={{ fontSize: 11 }}>
            {JSON.stringify(v.evidence, null, 2)}
          </Code>
        )}
      </Stack>
    </Group>
  );
}
