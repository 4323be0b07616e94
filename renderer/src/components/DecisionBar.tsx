import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AUTOMATIC_REJECTION_REASONS,
  REJECTION_REASONS,
  SERVICES,
  SERVICE_LABELS,
  TERMS,
  type CaseDetail,
  type RejectionReason,
  type Service,
} from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText, type ShownError } from './errors';
import { BidiText } from './BidiText';

type Pending = 'return' | 'approve' | 'reject' | 'answer' | 'reroute' | 'reassign' | null;

/** The actions the user may take on this request now, each confirming what will happen. */
export function DecisionBar({ c }: { c: CaseDetail }) {
  const { client, user } = useSession();
  const { t, pick, lang } = useLocale();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState<RejectionReason>('ineligible');
  const [reasonText, setReasonText] = useState('');
  const [error, setError] = useState<ShownError>(null);
  const [message, setMessage] = useState('');
  const [justification, setJustification] = useState('');
  const [answerText, setAnswerText] = useState('');
  const [service, setService] = useState<Service | null>(null);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const canReassign =
    (user?.roles.some((r) => r === 'approver' || r === 'admin') ?? false) &&
    ['submitted', 'in_review', 'resubmitted', 'awaiting_second_signature'].includes(c.status);
  const assignable = useQuery({
    queryKey: ['users.assignable'],
    queryFn: () => client.call('users.assignable', {}),
    enabled: pending === 'reassign',
  });
  const failed = c.checks.filter((x) => x.outcome === 'fail');
  const [busy, setBusy] = useState(false);
  const decider = user?.roles.some((r) => r === 'reviewer' || r === 'approver') ?? false;
  const holds = c.assignee?.id === user?.id;
  const approver = user?.roles.includes('approver') ?? false;
  // An inquiry, complaint or suggestion is answered and closed, never approved or rejected.
  const inquiry = c.service === 'INQUIRY';

  async function run(action: () => Promise<CaseDetail>) {
    setBusy(true);
    setError(null);
    try {
      const updated = await action();
      queryClient.setQueryData(['cases.get', c.id], updated);
      setPending(null);
      await queryClient.invalidateQueries({ queryKey: ['queues.counts'] });
    } catch (e) {
      setError(e);
      await queryClient.invalidateQueries({ queryKey: ['cases.get', c.id] });
    } finally {
      setBusy(false);
    }
  }
  const args = { id: c.id, version: c.version };

  // Keys on an open request: c claim, r return, y approve, x reject (see the "?" sheet).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (pending || e.ctrlKey || e.metaKey || e.altKey || e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      if (e.key === 'c' && decider && (c.status === 'submitted' || c.status === 'resubmitted'))
        void run(() => client.call('cases.claim', { id: c.id, version: c.version }));
      else if (e.key === 'r' && holds && c.status === 'in_review') {
        setMessage(failed.flatMap((x) => (x.applicantMessage ? [pick(x.applicantMessage)] : [])).join('\n'));
        setPending('return');
      } else if (e.key === 'y' && holds && c.status === 'in_review') setPending(inquiry ? 'answer' : 'approve');
      else if (e.key === 'x' && !inquiry && ((holds && c.status === 'in_review') || (approver && c.status === 'awaiting_second_signature')))
        setPending('reject');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        {decider && (c.status === 'submitted' || c.status === 'resubmitted') && (
          <Button onClick={() => void run(() => client.call('cases.claim', args))} loading={busy}>
            {pick(TERMS.actions.claim)}
          </Button>
        )}
        {c.status === 'in_review' && holds && (
          <>
            {inquiry ? (
              <Button color="teal" onClick={() => setPending('answer')}>
                {pick(TERMS.actions.answer)}
              </Button>
            ) : (
              <Button color="teal" onClick={() => setPending('approve')}>
                {pick(TERMS.actions.approve)}
              </Button>
            )}
            <Button
              color="orange"
              variant="light"
              onClick={() => {
                // Pre-filled with what the failed checks would tell the applicant; the reviewer edits it.
                setMessage(failed.flatMap((x) => (x.applicantMessage ? [pick(x.applicantMessage)] : [])).join('\n'));
                setPending('return');
              }}
            >
              {pick(TERMS.actions.return)}
            </Button>
            {!inquiry && (
              <Button color="red" variant="light" onClick={() => setPending('reject')}>
                {pick(TERMS.actions.reject)}
              </Button>
            )}
            <Button variant="default" onClick={() => setPending('reroute')}>
              {pick(TERMS.actions.reroute)}
            </Button>
            <Button variant="default" onClick={() => void run(() => client.call('cases.release', args))}>
              {pick(TERMS.actions.release)}
            </Button>
          </>
        )}
        {c.status === 'awaiting_second_signature' && approver && (
          <>
            <Button color="teal" onClick={() => void run(() => client.call('cases.countersign', args))} loading={busy}>
              {t('countersign')}
            </Button>
            <Button color="red" variant="light" onClick={() => setPending('reject')}>
              {pick(TERMS.actions.reject)}
            </Button>
          </>
        )}
      </Group>
      {canReassign && (
        <Button variant="subtle" size="xs" onClick={() => setPending('reassign')}>
          {pick(TERMS.actions.reassign)}
        </Button>
      )}
      {error !== null && !pending && (
        <Alert color="red" maw={420}>
          {errorText(error, lang)}
        </Alert>
      )}
      <Modal opened={pending !== null} onClose={() => setPending(null)} title={pending ? pick(TERMS.actions[pending]) : ''} centered>
        <Stack>
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
              {approver ? (
                <Textarea
                  label={pick(TERMS.actions.override)}
                  description={t('overrideHelp')}
                  value={justification}
                  onChange={(e) => setJustification(e.currentTarget.value)}
                  autosize
                  minRows={2}
                />
              ) : (
                <Text size="sm">{t('overrideNeedsApprover')}</Text>
              )}
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
                autosize
                minRows={2}
              />
            </>
          )}
          {error !== null && <Alert color="red">{errorText(error, lang)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              {t('cancel')}
            </Button>
            <Button
              loading={busy}
              disabled={
                (pending === 'reject' && !reasonText.trim()) ||
                (pending === 'answer' && !answerText.trim()) ||
                (pending === 'approve' && failed.length > 0 && (!approver || justification.trim().length < 10))
              }
              color={pending === 'reject' ? 'red' : pending === 'return' ? 'orange' : 'teal'}
              onClick={() =>
                void run(() =>
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
                )
              }
            >
              {t('confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
