import { Badge, Group, Stack, Text, Anchor, Alert } from '@mantine/core';
import { TERMS, ruleTitle, type CaseDetail, type Outcome } from '../../../shared/domain';
import { useLocale } from '../i18n/locale';
import { BidiText } from './BidiText';
import { fill } from '../i18n/fill';

const COLOR: Record<Outcome, string> = { pass: 'green', fail: 'red', warn: 'yellow', needs_review: 'orange', not_applicable: 'gray' };
const ORDER: Record<Outcome, number> = { fail: 0, needs_review: 1, warn: 2, pass: 3, not_applicable: 4 };

/** Every rule with its outcome and why; failures first, and the attachment a rule read one click away. */
export function ChecksPanel({ c, onOpenAttachment }: { c: CaseDetail; onOpenAttachment(id: number): void }) {
  const { pick, lang, t, formatDateTime } = useLocale();
  const kinds = TERMS.attachment_kinds as Record<string, { ar: string; en: string }>;
  const checks = [...c.checks].sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome]);
  return (
    <Stack gap={6} aria-label={t('checksTitle')}>
      {c.policySample && (
        <Alert color="yellow" p="xs">
          <Text size="xs">{fill(t('checksPolicySample'), { version: String(c.policyVersion) })}</Text>
        </Alert>
      )}
      {checks.map((check) => {
        // A failed check the approval overrode: marked, with who, when and the justification (#17).
        const override = c.overrides?.find((o) => o.rule === check.rule);
        return (
          <Group
            key={check.rule}
            gap="xs"
            wrap="nowrap"
            align="flex-start"
            data-outcome={check.outcome}
            data-rule={check.rule}
            data-overridden={override ? true : undefined}
          >
            <Stack gap={4} style={{ flexShrink: 0 }}>
              <Badge
                color={COLOR[check.outcome]}
                variant="light"
                w={110}
                tt="none"
                styles={{ root: { flexShrink: 0 }, label: { color: 'var(--mantine-color-dark-7)' } }}
              >
                {pick(TERMS.outcomes[check.outcome])}
              </Badge>
              {override && (
                <Badge color="violet" variant="filled" w={110} tt="none">
                  {t('checkOverridden')}
                </Badge>
              )}
            </Stack>
            <Stack gap={0} style={{ minWidth: 0 }}>
              {/* The rule's name in words; its handbook id (ID-FORMAT…) stays a hover hint, for those who read the handbook. */}
              <Text size="sm" fw={600} title={check.rule}>
                {pick(ruleTitle(check.rule))}
              </Text>
              <Text size="sm">
                <BidiText text={pick(check.explanation)} />
              </Text>
              {check.attachmentIds?.map((id) => {
                const a = c.attachments.find((x) => x.id === id);
                return a ? (
                  <Anchor key={id} size="xs" component="button" type="button" onClick={() => onOpenAttachment(id)}>
                    {kinds[a.kind]?.[lang] ?? a.kind} · {a.fileName}
                  </Anchor>
                ) : null;
              })}
              <Text size="xs" c="dimmed">
                {fill(t('checksSource'), { source: pick(check.sourceLabel) })}
              </Text>
              {override && (
                <Alert color="violet" p="xs" mt={4} aria-label={t('checkOverridden')}>
                  <Text size="xs" fw={600}>
                    {fill(t('checkOverriddenBy'), { name: override.by?.displayName ?? '—', at: formatDateTime(override.at) })}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {`${t('checkOverrideWhy')}: `}
                    <BidiText text={override.justification} />
                  </Text>
                </Alert>
              )}
            </Stack>
          </Group>
        );
      })}
    </Stack>
  );
}
