import { useState } from 'react';
import { Alert, Button, Group, Stack, Switch } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { TERMS, type CaseActionKind, type CaseDetail } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useMayCall } from '../api/may-call';
import { useLocale } from '../i18n/locale';
import { MESSAGES, type MessageKey } from '../i18n/messages';
import { fill } from '../i18n/fill';
import { useShortcuts } from '../shell/useShortcuts';
import { errorText, type ShownError } from './errors';
import { toast } from './flow/DeskToasts';
import { useOpenNextCase } from './flow/next-case';
import { refreshQueueCounts } from './flow/open-claimed';
import { lastQueue } from './flow/queue-memory';
import { useOpenNextSetting } from './flow/open-next-setting';
import { DecisionDialog } from './decision/DecisionDialog';
import { decisionCall, isDecision, useDecisionForm, type Confirmed } from './decision/decision-form';

/** What each decision's confirmation says, by the status it left the request in. */
function doneMessage(updated: CaseDetail): MessageKey | null {
  switch (updated.status) {
    case 'returned':
      return 'doneReturned';
    case 'awaiting_second_signature':
      return 'doneSentToSecond';
    case 'rejected':
      return 'doneRejected';
    case 'answered':
      return 'doneAnswered';
    default:
      return null;
  }
}

/**
 * The actions the desk says this user may take on this request now (`c.actions`, computed by the core with
 * the rules its decisions check), each confirming what will happen. After a decision: a confirmation, then
 * (unless turned off) the next request of the queue the user came from.
 */
export function DecisionBar({ c }: { c: CaseDetail }) {
  const { client, user } = useSession();
  const { t, pick, lang } = useLocale();
  const mayCall = useMayCall();
  const queryClient = useQueryClient();
  const openNextCase = useOpenNextCase();
  const [openNext, setOpenNext] = useOpenNextSetting(user?.id);
  const [pending, setPending] = useState<Confirmed | null>(null);
  const form = useDecisionForm();
  const [error, setError] = useState<ShownError>(null);
  const [busy, setBusy] = useState(false);
  const may = (k: CaseActionKind) => c.actions.includes(k);
  const failed = c.checks.filter((x) => x.outcome === 'fail');
  // "Next" claims in New and Resubmitted, for those the desk lets claim the next request; elsewhere it opens the next row.
  const mayGoNext = mayCall('cases.claimNext') || (lastQueue() !== 'new' && lastQueue() !== 'resubmitted');

  /** Runs one call; a decision (`decides`) is confirmed and, if the user wants, followed by the next request. */
  async function run(action: () => Promise<CaseDetail>, decides = false) {
    setBusy(true);
    setError(null);
    try {
      const updated = await action();
      const done = doneMessage(updated) ?? (decides ? (c.status === 'awaiting_second_signature' ? 'doneCountersigned' : 'doneApproved') : null);
      const shown = () => {
        queryClient.setQueryData(['cases.get', c.id], updated);
        setPending(null);
      };
      if (done) toast(bilingual(done, c.reference));
      if (done && openNext) {
        // The reviewer is leaving this request: the next one is asked for before this page draws its new state
        // (which it then holds for Back), and that next one refreshes the counts.
        try {
          await openNextCase(c.id);
        } finally {
          shown();
        }
        return;
      }
      shown();
      refreshQueueCounts(queryClient);
      if (!done && updated.status !== c.status && updated.assignee === null) toast(bilingual('doneReleased', c.reference));
    } catch (e) {
      setError(e);
      await queryClient.invalidateQueries({ queryKey: ['cases.get', c.id] });
    } finally {
      setBusy(false);
    }
  }
  const args = { id: c.id, version: c.version };
  const claim = () => void run(() => client.call('cases.claim', args));
  const openReturn = () => {
    // Pre-filled with what the failed checks would tell the applicant; the reviewer edits it.
    form.setMessage(failed.flatMap((x) => (x.applicantMessage ? [pick(x.applicantMessage)] : [])).join('\n'));
    setPending('return');
  };
  const goNext = () => {
    setError(null);
    openNextCase(c.id).catch((e: unknown) => setError(e));
  };
  const confirm = () => {
    if (pending) void run(() => decisionCall(client, pending, form, c, failed.length), isDecision(pending));
  };

  // Keys on an open request (the "?" sheet): c claim, r return, y or Shift+A approve/answer, x reject, n next request.
  const approveOrAnswer = (may('approve') || may('answer')) && (() => setPending(may('answer') ? 'answer' : 'approve'));
  useShortcuts(
    pending
      ? {}
      : {
          c: may('claim') && claim,
          r: may('return') && openReturn,
          y: approveOrAnswer,
          'shift+a': approveOrAnswer,
          x: may('reject') && (() => setPending('reject')),
          n: mayGoNext && goNext,
        },
  );

  const decisionsHere = may('return') || may('approve') || may('answer') || may('reject') || may('countersign');
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        {may('claim') && (
          <Button onClick={claim} loading={busy}>
            {pick(TERMS.actions.claim)}
          </Button>
        )}
        {may('answer') && (
          <Button color="teal" onClick={() => setPending('answer')}>
            {pick(TERMS.actions.answer)}
          </Button>
        )}
        {may('approve') && (
          <Button color="teal" onClick={() => setPending('approve')}>
            {pick(TERMS.actions.approve)}
          </Button>
        )}
        {may('countersign') && (
          <Button color="teal" onClick={() => void run(() => client.call('cases.countersign', args), true)} loading={busy}>
            {t('countersign')}
          </Button>
        )}
        {may('return') && (
          <Button color="orange" variant="light" onClick={openReturn}>
            {pick(TERMS.actions.return)}
          </Button>
        )}
        {may('reject') && (
          <Button color="red" variant="light" onClick={() => setPending('reject')}>
            {pick(TERMS.actions.reject)}
          </Button>
        )}
        {may('reroute') && (
          <Button variant="default" onClick={() => setPending('reroute')}>
            {pick(TERMS.actions.reroute)}
          </Button>
        )}
        {may('release') && (
          <Button variant="default" onClick={() => void run(() => client.call('cases.release', args))}>
            {pick(TERMS.actions.release)}
          </Button>
        )}
      </Group>
      <Group gap="xs">
        {may('reassign') && (
          <Button variant="subtle" size="xs" onClick={() => setPending('reassign')}>
            {pick(TERMS.actions.reassign)}
          </Button>
        )}
        {mayGoNext && (
          <Button variant="subtle" size="xs" onClick={goNext}>
            {`${t('nextCase')} (n)`}
          </Button>
        )}
      </Group>
      {decisionsHere && <Switch size="xs" label={t('openNextSetting')} checked={openNext} onChange={(e) => setOpenNext(e.currentTarget.checked)} />}
      {error !== null && !pending && (
        <Alert color="red" maw={420}>
          {errorText(error, lang)}
        </Alert>
      )}
      <DecisionDialog
        c={c}
        kind={pending}
        form={form}
        failed={failed}
        busy={busy}
        error={error}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      />
    </Stack>
  );
}

/** A message with the request's reference, in both languages (the confirmation outlives a language switch). */
function bilingual(key: MessageKey, reference: string) {
  const m = MESSAGES[key] as { ar: string; en: string };
  return { ar: fill(m.ar, { reference }), en: fill(m.en, { reference }) };
}
