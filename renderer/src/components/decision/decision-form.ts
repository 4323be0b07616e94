import { useState } from 'react';
import type { CaseDetail, RejectionReason, Service } from '../../../../shared/domain';
import type { DeskClient } from '../../api/client';

/** The decisions that ask for a confirmation (and, for most, a few words) before they are sent. */
export type Confirmed = 'return' | 'approve' | 'reject' | 'answer' | 'reroute' | 'reassign';

/**
 * What the user has written or chosen in the confirmations. Held by the bar, not the dialog, so a reason
 * half-typed survives a Cancel and a refusal (the dialog's content goes when it closes).
 */
export function useDecisionForm() {
  const [reason, setReason] = useState<RejectionReason>('ineligible');
  const [reasonText, setReasonText] = useState('');
  const [message, setMessage] = useState('');
  const [justification, setJustification] = useState('');
  const [answerText, setAnswerText] = useState('');
  const [service, setService] = useState<Service | null>(null);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  return {
    reason,
    setReason,
    reasonText,
    setReasonText,
    message,
    setMessage,
    justification,
    setJustification,
    answerText,
    setAnswerText,
    service,
    setService,
    assigneeId,
    setAssigneeId,
  };
}
export type DecisionForm = ReturnType<typeof useDecisionForm>;

/** What each confirmation needs before it can be sent; an override of failed checks needs ten letters of reason. */
export function mayConfirm(kind: Confirmed, form: DecisionForm, failedChecks: number): boolean {
  switch (kind) {
    case 'reject':
      return form.reasonText.trim() !== '';
    case 'answer':
      return form.answerText.trim() !== '';
    case 'reroute':
      return form.service !== null;
    case 'reassign':
      return form.assigneeId !== null;
    case 'approve':
      return failedChecks === 0 || form.justification.trim().length >= 10;
    case 'return':
      return true;
  }
}

/** A decision (not a re-route or reassignment): confirmed by a toast and followed by the next request. */
export const isDecision = (kind: Confirmed) => kind === 'return' || kind === 'approve' || kind === 'answer' || kind === 'reject';

/** The call that carries out the confirmed `kind` on the request at `version`. */
export function decisionCall(
  client: DeskClient,
  kind: Confirmed,
  form: DecisionForm,
  c: Pick<CaseDetail, 'id' | 'version'>,
  failedChecks: number,
): Promise<CaseDetail> {
  const args = { id: c.id, version: c.version };
  switch (kind) {
    case 'reroute':
      return client.call('cases.reroute', { ...args, service: form.service! });
    case 'reassign':
      return client.call('cases.reassign', { ...args, assigneeId: form.assigneeId === '0' ? null : Number(form.assigneeId) });
    case 'return':
      return client.call('cases.returnToApplicant', { ...args, ...(form.message.trim() ? { message: form.message } : {}) });
    case 'approve':
      return client.call('cases.approve', { ...args, ...(failedChecks > 0 ? { override: { justification: form.justification } } : {}) });
    case 'answer':
      return client.call('cases.answer', { ...args, text: form.answerText });
    case 'reject':
      return client.call('cases.reject', { ...args, reason: form.reason, text: form.reasonText });
  }
}
