import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AUTOMATIC_REJECTION_REASONS,
  REJECTION_REASONS,
  SERVICES,
  SERVICE_LABELS,
  TERMS,
  type CaseActionKind,
  type CaseDetail,
  type RejectionReason,
  type Service,
} from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { MESSAGES, type MessageKey } from '../i18n/messages';
import { fill } from '../i18n/fill';
import { errorText, type ShownError } from './errors';
import { BidiText } from './BidiText';
import { toast } from './flow/DeskToasts';
import { useOpenNextCase } from './flow/next-case';
import { lastQueue } from './flow/queue-memory';
import { useOpenNextSetting } from './flow/open-next-setting';

type Pending = 'return' | 'approve' | 'reject' | 'answer' | 'reroute' | 'reassign' | null;

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
  const queryClient = useQueryClient();
  const openNextCase = useOpenNextCase();
  const [openNext, setOpenNext] = useOpenNextSetting(user?.id);
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState<RejectionReason>('ineligible');
  const [reasonText, setReasonText] = useState('');
  const [error, setError] = useState<ShownError>(null);
  const [message, setMessage] = useState('');
  const [justification, setJustification] = useState('');
  const [answerText, setAnswerText] = useState('');
  const [service, setService] = useState<Service | null>(null);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const may = (k: CaseActionKind) => c.actions.includes(k);
  const assignable = useQuery({
    queryKey: ['users.assignable'],
    queryFn: () => client.call('users.assignable', {}),
    enabled: pending === 'reassign',
  });
  const failed = c.checks.filter((x) => x.outcome === 'fail');
  const decider = user?.roles.some((r) => r === 'reviewer' || r === 'approver') ?? false;
  // "Next" claims in New and Resubmitted, which only reviewers and approvers do; elsewhere it opens the next row.
  const mayGoNext = decider || (lastQueue() !== 'new' && lastQueue() !== 'resubmitted');

  /** Runs one call; a decision (`decides`) is confirmed and, if the user wants, followed by the next request. */
  async function run(action: () => Promise<CaseDetail>, decides = false) {
    setBusy(true);
    setError(null);
    try {
      const updated = await action();
      queryClient.setQueryData(['cases.get', c.id], updated);
      setPending(null);
      await queryClient.invalidateQueries({ queryKey: ['queues.counts'] });
      const done = doneMessage(updated) ?? (decides ? (c.status === 'awaiting_second_signature' ? 'doneCountersigned' : 'doneApproved') : null);
      if (!done && updated.status !== c.status && updated.assignee === null) toast(bilingual('doneReleased', c.reference));
      if (done) {
        toast(bilingual(done, c.reference));
        if (openNext) await openNextCase(c.id);
      }
    } catch (e) {
      setError(e);
      await queryClient.invalidateQueries({ queryKey: ['cases.get', c.id] });
    } finally {
      setBusy(false);
    }
  }
  const args = { id: c.id, version: c.version };
  const openReturn = () => {
    // Pre-filled with what the failed checks would tell the applicant; the reviewer edits it.
    setMessage(failed.flatMap((x) => (x.applicantMessage ? [pick(x.applicantMessage)] : [])).join('\n'));
    setPending('return');
  };
  const goNext = () => {
    setError(null);
    openNextCase(c.id).catch((e: unknown) => setError(e));
  };
  const confirmDisabled =
    (pending === 'reject' && !reasonText.trim()) ||
    (pending === 'answer' && !answerText.trim()) ||
    (pending === 'reroute' && !service) ||
    (pending === 'reassign' && !assigneeId) ||
    (pending === 'approve' && failed.length > 0 && justification.trim().length < 10);
  const confirm = () =>
    void run(
      () =>
        pending === 'reroute'
          ? client.call('cases.reroute', { ...args, service: service! })
          : pending === 'reassign'
            ? client.call('cases.reassign', { ...args, assigneeId: assigneeId === '0' ? null : Number(assigneeId) })
            : pending === 'return'
              ? client.call('cases.returnToApplicant', { ...args, ...(message.trim() ? { message } : {}) })
              : pending === 'approve'
                ? client.call('cases.approve', { ...args, ...(failed.length > 0 ? { override: { justification } } : {}) })
                : pending === 'answer'
                  ? client.call('cases.answer', { ...args, text: answerText })
                  : client.call('cases.reject', { ...args, reason, text: reasonText }),
      pending === 'return' || pending === 'approve' || pending === 'answer' || pending === 'reject',
    );

  // Keys on an open request (the "?" sheet): c claim, r return, y or A approve/answer, x reject, n next request.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (pending || e.ctrlKey || e.metaKey || e.altKey || e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      if (e.key === 'c' && may('claim')) void run(() => client.call('cases.claim', args));
      else if (e.key === 'r' && may('return')) openReturn();
      else if ((e.key === 'y' || e.key === 'A') && (may('approve') || may('answer'))) setPending(may('answer') ? 'answer' : 'approve');
      else if (e.key === 'x' && may('reject')) setPending('reject');
      else if (e.key === 'n' && mayGoNext) goNext();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const decisionsHere = may('return') || may('approve') || may('answer') || may('reject') || may('countersign');
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        {may('claim') && (
          <Button onClick={() => void run(() => client.call('cases.claim', args))} loading={busy}>
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
      <Modal opened={pending !== null} onClose={() => setPending(null)} title={pending ? pick(TERMS.actions[pending]) : ''} centered>
        {/* Ctrl+Enter sends from anywhere in the form (a return is r, then Ctrl+Enter). */}
        <Stack
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !confirmDisabled && !busy) {
              e.preventDefault();
              confirm();
            }
          }}
        >
          <Text size="sm">
            {pending === 'return'
              ? t('returnConfirm')
              : pending === 'approve'
                ? t('approveConfirm')
                : pending === 'answer'
                  ? t('answerConfirm')
                  : pending === 'reroute'
                    ? t('rerouteConfirm')
                    : pending === 'reassign'
                      ? t('reassignConfirm')
                      : t('rejectConfirm')}
          </Text>
          {pending === 'return' && (
            <Textarea
              label={t('messageToApplicant')}
              description={t('messageToApplicantHelp')}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              data-autofocus
              autosize
              minRows={3}
              maxLength={4000}
            />
          )}
          {pending === 'answer' && (
            <Textarea
              label={t('answerText')}
              description={t('answerHelp')}
              value={answerText}
              onChange={(e) => setAnswerText(e.currentTarget.value)}
              required
              data-autofocus
              autosize
              minRows={4}
              maxLength={4000}
            />
          )}
          {pending === 'approve' && failed.length > 0 && (
            <>
              <Alert color="red" title={t('failedChecks')}>
                {failed.map((x) => (
                  <Text key={x.rule} size="sm">
                    <BidiText text={`${x.rule}: ${pick(x.explanation)}`} />
                  </Text>
                ))}
              </Alert>
              {/* Listed for an approver only (the desk's rule): the override needs their written reason. */}
              <Textarea
                label={pick(TERMS.actions.override)}
                description={t('overrideHelp')}
                value={justification}
                onChange={(e) => setJustification(e.currentTarget.value)}
                data-autofocus
                autosize
                minRows={2}
              />
            </>
          )}
          {pending === 'reroute' && (
            <Select
              label={t('service')}
              data={SERVICES.filter((x) => x !== c.service).map((x) => ({ value: x, label: pick(SERVICE_LABELS[x]) }))}
              value={service}
              onChange={(v) => setService(v as Service | null)}
              searchable
            />
          )}
          {pending === 'reassign' && (
            <Select
              label={t('assignee')}
              data={[{ value: '0', label: t('backToQueue') }, ...(assignable.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))]}
              value={assigneeId}
              onChange={setAssigneeId}
              searchable
            />
          )}
          {pending === 'reject' && (
            <>
              <Select
                label={t('reason')}
                value={reason}
                onChange={(v) => v && setReason(v as RejectionReason)}
                data={REJECTION_REASONS.filter((r) => !AUTOMATIC_REJECTION_REASONS.includes(r)).map((r) => ({
                  value: r,
                  label: pick(TERMS.rejection_reasons[r]),
                }))}
                allowDeselect={false}
              />
              <Textarea
                label={t('reasonText')}
                value={reasonText}
                onChange={(e) => setReasonText(e.currentTarget.value)}
                required
                data-autofocus
                autosize
                minRows={2}
              />
            </>
          )}
          {error !== null && <Alert color="red">{errorText(error, lang)}</Alert>}
          <Group justify="flex-end">
            {pending !== 'approve' && (
              <Text size="xs" c="dimmed" dir="ltr">
                Ctrl+Enter
              </Text>
            )}
            <Button variant="default" onClick={() => setPending(null)}>
              {t('cancel')}
            </Button>
            <Button
              loading={busy}
              disabled={confirmDisabled}
              // An approval with nothing to write: the confirm itself has the focus, so Enter approves (A, Enter).
              data-autofocus={pending === 'approve' && failed.length === 0 ? true : undefined}
              color={pending === 'reject' ? 'red' : pending === 'return' ? 'orange' : 'teal'}
              onClick={confirm}
            >
              {t('confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** A message with the request's reference, in both languages (the confirmation outlives a language switch). */
function bilingual(key: MessageKey, reference: string) {
  const m = MESSAGES[key] as { ar: string; en: string };
  return { ar: fill(m.ar, { reference }), en: fill(m.en, { reference }) };
}
