import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CPD_REASONS, cpdActivityKind, CPD_REASON_CODES, type CpdActivityView, type CpdDecision, type CpdReason } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { fill } from '../i18n/fill';
import { errorText } from './errors';
import { Ltr } from './BidiText';
import { AuditReasons } from '../pages/cpd-audit/AuditReasons';

/** A name or a date set in a sentence of the other script keeps its own direction (FSI … PDI). */
const isolated = (s: string) => `\u2068${s}\u2069`;

/**
 * The case's CPD audit: why it is audited, each activity accepted or refused with a reason from the
 * dictionary, and the recognised hours recomputed. Only the holder of the request in review decides.
 */
export function CpdAuditPanel({ requestId, caseVersion }: { requestId: number; caseVersion: number }) {
  const { client } = useSession();
  const { t, pick, lang, formatNumber, formatDateTime } = useLocale();
  const queryClient = useQueryClient();
  // Keyed by the case's version too: a claim or a release changes who may decide.
  const audit = useQuery({ queryKey: ['cpdAudit.forCase', requestId, caseVersion], queryFn: () => client.call('cpdAudit.forCase', { requestId }) });
  if (audit.isPending) return <Loader role="status" size="sm" aria-label={t('loading')} />;
  if (audit.isError) return <Alert color="red">{errorText(audit.error, lang)}</Alert>;
  const a = audit.data;
  if (!a) return <Text c="dimmed">{t('cpdNotAudited')}</Text>;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['cpdAudit.forCase', requestId] });
    await queryClient.invalidateQueries({ queryKey: ['cpdAudit.queue'] });
    // The CPD-HOURS check reads the recognised hours: the case's checks change with a refusal.
    await queryClient.invalidateQueries({ queryKey: ['cases.get', requestId] });
  };
  return (
    <Stack gap="sm" aria-label={t('cpdTab')}>
      <Paper withBorder p="sm">
        <Text fw={600} size="sm">
          {t('cpdWhy')}
        </Text>
        <AuditReasons reasons={a.reasons} full />
      </Paper>
      <Text fw={600} aria-label={t('cpdRecognised')}>
        {fill(t('cpdRecognisedLine'), {
          recognised: formatNumber(a.recognisedHours),
          recorded: formatNumber(a.recordedHours),
          refused: formatNumber(a.refusedHours),
          required: a.requiredHours === null ? '—' : formatNumber(a.requiredHours),
        })}
      </Text>
      {a.completedAt ? (
        <Alert color="teal">{fill(t('cpdCompletedLine'), { by: isolated(a.completedBy ?? '—'), at: isolated(formatDateTime(a.completedAt)) })}</Alert>
      ) : a.mayDecide.ok ? (
        <Text size="sm" c="dimmed">
          {t('cpdLastTells')}
        </Text>
      ) : (
        <Alert color="yellow">{pick(a.mayDecide.why)}</Alert>
      )}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cpdActivity')}</Table.Th>
            <Table.Th>{t('cpdProvider')}</Table.Th>
            <Table.Th>{t('cpdDate')}</Table.Th>
            <Table.Th>{t('cpdHours')}</Table.Th>
            <Table.Th>{t('cpdDecision')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {a.activities.map((act) => (
            <Table.Tr key={act.id}>
              <Table.Td>
                <Text size="sm" dir="auto">
                  {act.title}
                </Text>
                <Text size="xs" c="dimmed" dir="auto">
                  {pick(cpdActivityKind(act.kind))}
                </Text>
              </Table.Td>
              <Table.Td dir="auto">{act.provider}</Table.Td>
              <Table.Td>
                <Ltr>{act.date}</Ltr>
              </Table.Td>
              <Table.Td>{formatNumber(act.hours)}</Table.Td>
              <Table.Td miw={150}>
                <ActivityDecision activity={act} mayDecide={a.mayDecide.ok && !a.completedAt} onDecided={refresh} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function ActivityDecision({ activity, mayDecide, onDecided }: { activity: CpdActivityView; mayDecide: boolean; onDecided(): Promise<void> }) {
  const { client } = useSession();
  const { t, lang, formatDateTime } = useLocale();
  const [decision, setDecision] = useState<CpdDecision | null>(null);
  const [reason, setReason] = useState<CpdReason | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const d = activity.decision;
  if (d)
    return (
      <Stack gap={2}>
        <Badge color={d.decision === 'accepted' ? 'teal' : 'red'} variant="light">
          {t(d.decision === 'accepted' ? 'cpdAccepted' : 'cpdRefused')}
        </Badge>
        <Text size="sm">{CPD_REASONS[d.reason][lang]}</Text>
        {d.note && (
          <Text size="xs" dir="auto">
            {d.note}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {fill(t('cpdDecidedBy'), { by: isolated(d.by), at: isolated(formatDateTime(d.at)) })}
        </Text>
      </Stack>
    );
  if (!mayDecide)
    return (
      <Text size="sm" c="dimmed">
        {t('cpdUndecided')}
      </Text>
    );
  if (!decision)
    return (
      <Group gap="xs">
        <Button
          size="compact-sm"
          color="teal"
          variant="light"
          onClick={() => setDecision('accepted')}
          aria-label={`${t('cpdAccept')}: ${activity.title}`}
        >
          {t('cpdAccept')}
        </Button>
        <Button
          size="compact-sm"
          color="red"
          variant="light"
          onClick={() => setDecision('refused')}
          aria-label={`${t('cpdRefuse')}: ${activity.title}`}
        >
          {t('cpdRefuse')}
        </Button>
      </Group>
    );
  const reasons = CPD_REASON_CODES.filter((c) => CPD_REASONS[c].decision === decision);
  async function record() {
    if (!decision || !reason) return;
    setBusy(true);
    setError(null);
    try {
      await client.call('cpdAudit.decide', { activityId: activity.id, decision, reason, ...(note.trim() ? { note: note.trim() } : {}) });
      await onDecided();
    } catch (e) {
      setError(e);
      await onDecided();
    } finally {
      setBusy(false);
    }
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void record();
      }}
    >
      <Stack gap={4}>
        <Select
          label={`${t(decision === 'accepted' ? 'cpdAccept' : 'cpdRefuse')} — ${t('cpdReason')}`}
          data={reasons.map((c) => ({ value: c, label: CPD_REASONS[c][lang] }))}
          value={reason}
          onChange={(v) => setReason(v as CpdReason | null)}
          required
          autoFocus
          size="xs"
        />
        <TextInput label={t('cpdNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} size="xs" dir="auto" maxLength={500} />
        {error !== null && (
          <Alert color="red" role="status">
            {errorText(error, lang)}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" size="compact-sm" loading={busy} disabled={!reason}>
            {t('cpdConfirm')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => (setDecision(null), setReason(null))}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
