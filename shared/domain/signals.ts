import type { Bilingual } from './terms';

/**
 * Integrity signals (issue #20): facts a careful reviewer looks for that the bundle does not declare
 * (duplicate applicants, reused or altered documents, dates read from the document, CPD risk). Like an
 * eligibility check each has an outcome, an explanation in both languages, its evidence and links to
 * what it compared; unlike a check it never decides anything alone: a fail asks a reviewer to look.
 */
export const SIGNAL_OUTCOMES = ['pass', 'warn', 'fail'] as const;
export type SignalOutcome = (typeof SIGNAL_OUTCOMES)[number];

/** What a signal compared: another request (with its reference, for a link) or one attachment. */
export type SignalLink =
  | { kind: 'request'; requestId: number; reference: string }
  | { kind: 'attachment'; attachmentId: number; requestId: number; reference: string; fileName: string };

export interface SignalView {
  /** Stable id, e.g. `duplicate-id`, `reused-attachment`, `employer-letter-date`. */
  signal: string;
  outcome: SignalOutcome;
  /** The signal's name as a reviewer reads it (never the id). */
  title: Bilingual;
  explanation: Bilingual;
  /** The facts compared, as plain JSON (dates, hashes, distances, the tolerance used). */
  evidence: Record<string, unknown>;
  links: SignalLink[];
}
