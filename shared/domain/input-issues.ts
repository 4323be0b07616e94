/**
 * A refused argument as data, not as a sentence: which rule it broke, which field, and the figures
 * the message needs. The main process sends it beside its own wording (for the command line and the
 * log); the renderer words it from its dictionary in the user's language (renderer/src/i18n/issues.ts),
 * so no field key and no library English reaches the screen.
 */
export const ISSUE_CODES = [
  /** Missing or empty. */
  'required',
  /** Text shorter than `min` characters. */
  'too_short',
  /** Text longer than `max` characters. */
  'too_long',
  /** A number under `min`. */
  'too_small',
  /** A number over `max`. */
  'too_large',
  /** A list with fewer than `min` items. */
  'too_few',
  /** A list with more than `max` items. */
  'too_many',
  /** A number that must be whole. */
  'not_whole',
  /** A value of the wrong kind (text where a number is expected…). */
  'wrong_type',
  /** Not one of the values offered. */
  'not_allowed',
  /** Fields the call does not know. */
  'unknown_fields',
  /** Text in the wrong shape, when no more precise code below fits. */
  'invalid_format',
  'date_format',
  'month_format',
  'not_a_date',
  'date_order',
  'same_request',
  'email',
  'username_format',
  'password_repeated',
  'password_common',
  'country_code',
  'invoice_number',
  'gateway_url',
  'database_address',
  'base64',
  'export_id',
  'hidden_characters',
  'nul_character',
  /** Anything else the schema refused. */
  'invalid',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface InputIssue {
  code: IssueCode;
  /** The argument's path as the contract names it: "search", "email.from", "roles.0". Empty for the whole call. */
  field: string;
  /** The figures the message needs: min, max (numbers). */
  params?: Record<string, number>;
}
