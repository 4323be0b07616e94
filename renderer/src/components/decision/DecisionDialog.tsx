import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import {
  AUTOMATIC_REJECTION_REASONS,
  REJECTION_REASONS,
  SERVICES,
  SERVICE_LABELS,
  TERMS,
  type CaseDetail,
  type CheckView,
  type RejectionReason,
  type Service,
} from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { errorText, type ShownError } from '../errors';
import { BidiText } from '../BidiText';
import { mayConfirm, type Confirmed, type DecisionForm } from './decision-form';

/** What the confirmation says will happen. */
const CONFIRM_TEXT: Record<Confirmed, MessageKey> = {
  return: 'returnConfirm',
  approve: 'approveConfirm',
  answer: 'answerConfirm',
  reroute: 'rerouteConfirm',
  reassign: 'reassignConfirm',
  reject: 'rejectConfirm',
};

/** The confirmation of one decision, with what it needs written or chosen; Ctrl+Enter sends from anywhere in it. */
export function DecisionDialog({
  c,
  kind,
  form,
  failed,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  c: CaseDetail;
  kind: Confirmed | null;
  form: DecisionForm;
  failed: readonly CheckView[];
  busy: boolean;
  error: ShownError;
  onConfirm(): void;
  onClose(): void;
}) {
  const { client } = useSession();
  const { t, pick, lang } = useLocale();
  const assignable = useQuery({
    queryKey: ['users.assignable'],
    queryFn: () => client.call('users.assignable', {}),
    enabled: kind === 'reassign',
  });
  const ready = kind !== null && mayConfirm(kind, form, failed.length);
  return (
    <Modal opened={kind !== null} onClose={onClose} title={kind ? pick(TERMS.actions[kind]) : ''} centered>
      {/* A return is r, then Ctrl+Enter: two keystrokes. */}
      <Stack onKeyDown={getHotkeyHandler([['mod+Enter', () => ready && !busy && onConfirm()]])}>
        {kind && <Text size="sm">{t(CONFIRM_TEXT[kind])}</Text>}
        {kind === 'return' && (
          <Textarea
            label={t('messageToApplicant')}
            description={t('messageToApplicantHelp')}
            value={form.message}
            onChange={(e) => form.setMessage(e.currentTarget.value)}
            data-autofocus
            autosize
            minRows={3}
            maxLength={4000}
          />
        )}
        {kind === 'answer' && (
          <Textarea
            label={t('answerText')}
            description={t('answerHelp')}
            value={form.answerText}
            onChange={(e) => form.setAnswerText(e.currentTarget.value)}
            required
            data-autofocus
            autosize
            minRows={4}
            maxLength={4000}
          />
        )}
        {kind === 'approve' && failed.length > 0 && (
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
              value={form.justification}
              onChange={(e) => form.setJustification(e.currentTarget.value)}
              data-autofocus
              autosize
              minRows={2}
            />
          </>
        )}
        {kind === 'reroute' && (
          <Select
            label={t('service')}
            data={SERVICES.filter((x) => x !== c.service).map((x) => ({ value: x, label: pick(SERVICE_LABELS[x]) }))}
            value={form.service}
            onChange={(v) => form.setService(v as Service | null)}
            searchable
          />
        )}
        {kind === 'reassign' && (
          <Select
            label={t('assignee')}
            data={[{ value: '0', label: t('backToQueue') }, ...(assignable.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))]}
            value={form.assigneeId}
            onChange={form.setAssigneeId}
            searchable
          />
        )}
        {kind === 'reject' && (
          <>
            <Select
              label={t('reason')}
              value={form.reason}
              onChange={(v) => v && form.setReason(v as RejectionReason)}
              data={REJECTION_REASONS.filter((r) => !AUTOMATIC_REJECTION_REASONS.includes(r)).map((r) => ({
                value: r,
                label: pick(TERMS.rejection_reasons[r]),
              }))}
              allowDeselect={false}
            />
            <Textarea
              label={t('reasonText')}
              value={form.reasonText}
              onChange={(e) => form.setReasonText(e.currentTarget.value)}
              required
              data-autofocus
              autosize
              minRows={2}
            />
          </>
        )}
        {error !== null && <Alert color="red">{errorText(error, lang)}</Alert>}
        <Group justify="flex-end">
          {kind !== 'approve' && (
            <Text size="xs" c="dimmed" dir="ltr">
              Ctrl+Enter
            </Text>
          )}
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button
            loading={busy}
            disabled={!ready}
            // An approval with nothing to write: the confirm itself has the focus, so Enter approves (A, Enter).
            data-autofocus={kind === 'approve' && failed.length === 0 ? true : undefined}
            color={kind === 'reject' ? 'red' : kind === 'return' ? 'orange' : 'teal'}
            onClick={onConfirm}
          >
            {t('confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
