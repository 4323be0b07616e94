import type { InputIssue } from './input-issues';

/** Error codes every call can answer with; the renderer maps them to messages and behaviour. */
export const ERROR_CODES = [
  'bad_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'checks_failed',
  'invalid_transition',
  'first_run_done',
  'locked',
  /** The password was right but an admin reset it: choose a new one (auth.changePassword). */
  'password_change_required',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface DeskError {
  code: ErrorCode;
  /** English message; `messageAr` is the same in Arabic. */
  message: string;
  messageAr?: string;
  /** A refused argument as data (bad_input from the contract's schemas): the renderer words it. */
  issue?: InputIssue;
}

/** What every contract call returns over any transport. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskError };
