/**
 * Delivering the outbox (issue #21): the states a message passes through on its way to the
 * applicant, the proof kept of each try, and what an admin sees of the relay settings
 * (never a secret: only whether one is set).
 */

export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed', 'dead', 'cancelled'] as const;
/**
 * queued: waiting (also: "no relay set", see DeliverySettingsView.why); sending: claimed by a worker;
 * sent: the relay accepted it (relayAnswer holds its reply); failed: the last try failed, another is
 * scheduled at nextAttemptAt; dead: gave up after the policy's retries (an admin may resend or cancel);
 * cancelled: an admin cancelled it.
 */
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const DELIVERY_CHANNELS = ['email', 'sms'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const DELIVERY_OUTCOMES = ['sent', 'failed', 'resent', 'cancelled', 'dead'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** One line of a message's history: a try and its answer, or an admin's resend or cancel. */
export interface DeliveryAttempt {
  at: string;
  outcome: DeliveryOutcome;
  detail: string;
  /** The admin who resent or cancelled; null for the worker's own tries. */
  by: string | null;
}

export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export interface DeliverySettingsView {
  email: { host: string; port: number; security: SmtpSecurity; user: string; from: string; passwordSet: boolean } | null;
  sms: { url: string; keySet: boolean; sender: string } | null;
  /** demo / local capture: messages are "delivered" to files in this folder, readable by a person */
  capture: { folder: string } | null;
  maxAttempts: number;
  /** null when messages can leave; else a code: 'no_relay' (nothing sends, messages stay queued) */
  why: 'no_relay' | null;
  canSave: boolean;
}

/** A message of the outbox as the Outbox page lists it. */
export interface OutboxMessage {
  id: number;
  requestId: number | null;
  reference: string | null;
  to: string;
  subjectAr: string;
  subjectEn: string;
  bodyAr: string;
  bodyEn: string;
  createdAt: string;
  sentAt: string | null;
  /** What the message is about (returned, approved_invoice, paid…): the notice it carries. */
  kind: string;
  channel: DeliveryChannel;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  relayAnswer: string | null;
  /** The Message-ID every try carries, so the relay can tell a retry from a new message. */
  messageId: string;
  /** The letter or card PDF goes with it. */
  hasAttachment: boolean;
}
