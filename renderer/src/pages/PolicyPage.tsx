import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Group, Loader, MultiSelect, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SERVICES, SERVICE_LABELS, TERMS, policySchema, type Policy, type PolicyVersionView } from '../../../shared/domain';
import { DeskCallError } from '../api/client';
import { useSession } from '../api/session';
import { mayCall } from '../api/may-call';
import { useLocale } from '../i18n/locale';
import { errorText, type ShownError } from '../components/errors';
import { MESSAGES } from '../i18n/messages';
import { FeeScheduleEditor } from './policy/FeeScheduleEditor';
import { ExemptionsEditor } from './policy/ExemptionsEditor';
import { PolicyHistory } from './policy/PolicyHistory';
import { NUMBER_FIELDS } from './policy/policy-fields';
import { PolicyProposal } from './policy/PolicyProposal';
import { CpdAuditPolicyEditor } from './policy/CpdAuditPolicyEditor';
import { SlaPolicyEditor } from './policy/SlaPolicyEditor';
import { BidiParts } from '../components/BidiText';

/**
 * The policy in force (fees, exemptions, windows and the other values) and its versions. Admins save
 * a new version with a note; finance reads it. A save based on an older version than the one in force
 * is refused: the page says another admin saved meanwhile and shows theirs.
 */
export function PolicyPage() {
  const { client, user } = useSession();
  const { t, pick, lang } = useLocale();
  const queryClient = useQueryClient();
  const canEdit = mayCall(user?.roles, 'policy.update');
  const current = useQuery({ queryKey: ['policy.current'], queryFn: () => client.call('policy.current', {}) });
  const history = useQuery({ queryKey: ['policy.history'], queryFn: () => client.call('policy.history', {}) });
  const [draft, setDraft] = useState<Policy | null>(null);
  const [base, setBase] = useState<PolicyVersionView | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ color: string; text: ShownError } | null>(null);

  // The form starts from the version in force, and starts again when a newer one arrives.
  useEffect(() => {
    if (current.data && current.data.version !== base?.version) {
      setBase(current.data);
      setDraft(structuredClone(current.data.policy));
    }
  }, [current.data, base?.version]);

  if (current.isPending || !draft || !base)
    return current.isError ? <Alert color="red">{errorText(current.error, lang)}</Alert> : <Loader role="status" aria-label={t('loading')} />;

  const set = <K extends keyof Policy>(key: K, value: Policy[K]) => setDraft({ ...draft, [key]: value });
  const parsed = policySchema.safeParse(draft);
  const problems = parsed.success ? [] : parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
  const changed = JSON.stringify(draft) !== JSON.stringify(base.policy);

  async function save() {
    if (!draft || !base || !parsed.success) return;
    setSaving(true);
    setMessage(null);
    try {
      const saved = await client.call('policy.update', { basedOnVersion: base.version, policy: parsed.data, note: note.trim() });
      queryClient.setQueryData(['policy.current'], saved);
      setNote('');
      setMessage({
        color: 'teal',
        text: { ar: `${MESSAGES.polSaved.ar} ${saved.version}`, en: `${MESSAGES.polSaved.en} ${saved.version}` },
      });
    } catch (e) {
      if (e instanceof DeskCallError && e.code === 'conflict') {
        // Another admin's version is in force now: show it, and keep nothing of this draft silently.
        // The desk says which: another admin's version is in force, or a proposal waits for activation.
        setMessage({ color: 'yellow', text: e });
        setBase(null);
      } else setMessage({ color: 'red', text: e });
    } finally {
      setSaving(false);
      await queryClient.invalidateQueries({ queryKey: ['policy.current'] });
      await queryClient.invalidateQueries({ queryKey: ['policy.history'] });
    }
  }

  return (
    <Stack maw={1100}>
      <Title order={2} size="h3">
        {t('policy')}
      </Title>
      <Text size="sm" c="dimmed">
        <BidiParts parts={[`${t('polVersion')} ${base.version}`, base.createdBy ?? t('polShipped'), !canEdit && t('polReadOnly')]} />
      </Text>
      {draft.sample && <Alert color="yellow">{t('polSampleWarning')}</Alert>}
      {/* A proposal waits for a second admin: what it would change, and its activation (issue #20). */}
      {history.data
        ?.filter((v) => v.state === 'proposed')
        .map((v) => (
          <PolicyProposal key={v.version} proposal={v} />
        ))}
      {!canEdit && message && <Alert color={message.color}>{errorText(message.text, lang)}</Alert>}

      <Section title={t('polFees')} help={t('polFeesHelp')}>
        <FeeScheduleEditor fees={draft.fees} onChange={(fees) => set('fees', fees)} readOnly={!canEdit} />
      </Section>

      <Section title={t('polExemptions')} help={t('polExemptionsHelp')}>
        <ExemptionsEditor exemptions={draft.feeExemptions} onChange={(e) => set('feeExemptions', e)} readOnly={!canEdit} />
      </Section>

      <Section title={t('polOtherValues')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {NUMBER_FIELDS.map((f) => {
            const scale = f.scale ?? 1;
            return (
              <NumberInput
                key={f.key}
                label={t(f.label)}
                rightSection={<Text size="xs">{t(f.unit)}</Text>}
                rightSectionWidth={90}
                value={Math.round((draft[f.key] as number) * scale * 100) / 100}
                onChange={(v) => {
                  const raw = v === '' ? 0 : Number(v) / scale;
                  // Every value is a whole number (bytes, days…) except the refund rate, a fraction.
                  set(f.key, (f.key === 'generalRefundRate' ? Math.round(raw * 10_000) / 10_000 : Math.round(raw)) as never);
                }}
                min={f.min}
                max={f.max}
                allowDecimal={f.key === 'generalRefundRate' || f.key === 'maxAttachmentBytes'}
                allowNegative={false}
                dir="ltr"
                readOnly={!canEdit}
                variant={canEdit ? 'default' : 'filled'}
              />
            );
          })}
        </SimpleGrid>
        <MultiSelect
          mt="sm"
          label={t('polFourEyes')}
          data={SERVICES.map((s) => ({ value: s, label: pick(SERVICE_LABELS[s]) }))}
          value={draft.fourEyesServices}
          onChange={(v) => set('fourEyesServices', v as Policy['fourEyesServices'])}
          readOnly={!canEdit}
          variant={canEdit ? 'default' : 'filled'}
          searchable
        />
        <Text mt="sm" size="sm" fw={600}>
          {t('polCpdHours')}
        </Text>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {Object.keys(draft.cpdHours).map((cat) => (
            <NumberInput
              key={cat}
              label={(TERMS.categories as Record<string, { ar: string; en: string }>)[cat]?.[lang] ?? cat}
              value={draft.cpdHours[cat]}
              onChange={(v) => set('cpdHours', { ...draft.cpdHours, [cat]: v === '' ? 0 : Number(v) })}
              min={0}
              allowNegative={false}
              dir="ltr"
              readOnly={!canEdit}
              variant={canEdit ? 'default' : 'filled'}
            />
          ))}
        </SimpleGrid>
        <Checkbox
          mt="sm"
          label={t('polSample')}
          checked={draft.sample}
          onChange={(e) => set('sample', e.currentTarget.checked)}
          disabled={!canEdit}
        />
      </Section>

      <Section title={t('polSlaTitle')} help={t('polSlaHelp')}>
        <SlaPolicyEditor value={draft.sla} fallbackDays={draft.slaWorkingDays} onChange={(v) => set('sla', v)} readOnly={!canEdit} />
      </Section>

      <Section title={t('polCpdAudit')} help={t('polCpdAuditHelp')}>
        <CpdAuditPolicyEditor value={draft.cpdAudit} onChange={(v) => set('cpdAudit', v)} readOnly={!canEdit} />
      </Section>

      {canEdit && (
        <Paper withBorder p="sm">
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t('polNote')}
                description={t('polNoteHelp')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                required
                autosize
                minRows={2}
              />
              {problems.length > 0 && (
                <Alert color="red" title={t('polInvalid')}>
                  {problems.map((p) => (
                    <Text key={p} size="sm" dir="ltr" ta="start">
                      {p}
                    </Text>
                  ))}
                </Alert>
              )}
              {/* Beside the Save button, where the admin is looking: saved, refused, or saved by another admin meanwhile. */}
              {message && (
                <Alert color={message.color} role="status">
                  {errorText(message.text, lang)}
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={saving} disabled={!changed || !note.trim() || problems.length > 0}>
                  {t('polSave')}
                </Button>
                <Button variant="default" disabled={!changed} onClick={() => setDraft(structuredClone(base.policy))}>
                  {t('polDiscard')}
                </Button>
                {!changed && (
                  <Text size="sm" c="dimmed">
                    {t('polUnchanged')}
                  </Text>
                )}
              </Group>
            </Stack>
          </form>
        </Paper>
      )}

      <Section title={t('polHistory')}>
        {history.isPending && <Loader role="status" size="sm" aria-label={t('loading')} />}
        {history.isError && <Alert color="red">{errorText(history.error, lang)}</Alert>}
        {history.data && <PolicyHistory versions={history.data} current={base.version} />}
      </Section>
    </Stack>
  );
}

function Section({ title, help, children }: { title: string; help?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {help && (
        <Text size="xs" c="dimmed" mb="xs">
          {help}
        </Text>
      )}
      {children}
    </Paper>
  );
}
