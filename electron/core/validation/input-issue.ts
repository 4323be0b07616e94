import type { z } from 'zod';
import type { InputIssue, IssueCode } from '../../../shared/domain';

/**
 * The contract's own messages (shared/contract/*.ts, shared/domain/policy.ts) by the code the renderer
 * words them with. A schema message missing here still travels, as the generic `invalid_format` or
 * `invalid`; input-issue.test.ts checks every message the contract holds is listed.
 */
export const SCHEMA_MESSAGES: Record<string, IssueCode> = {
  'expected a date YYYY-MM-DD': 'date_format',
  'not a real calendar date': 'not_a_date',
  'expected a month YYYY-MM': 'month_format',
  'letters, digits, _ and - (1 to 64)': 'invalid_format',
  'the start date is after the end date': 'date_order',
  'compare two different requests': 'same_request',
  'expected an e-mail address': 'email',
  'at least 10 characters': 'too_short',
  'lower-case letters, digits, . _ - (3 to 32)': 'username_format',
  'lower-case letters, digits and - (2 to 40)': 'invalid_format',
  'not one character repeated': 'password_repeated',
  'too common: choose another': 'password_common',
  'enter a file or a postgres:// address': 'database_address',
  'expected a two-letter country code': 'country_code',
  'expected INV-YYYY-NNNNNN': 'invoice_number',
  'expected base64': 'base64',
  'expected an export id': 'export_id',
  'expected the gateway as an http(s) address': 'gateway_url',
  'contains control or direction-override characters': 'hidden_characters',
};

const LISTS = new Set(['array', 'set']);

/** Whether the caller gave anything at `path` (zod's issues do not carry the input they refused). */
function given(args: unknown, path: readonly PropertyKey[]): boolean {
  let at: unknown = args;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return false;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at !== undefined && at !== null;
}

/** One zod issue as data the renderer words: code, field path and the figures it needs. `args`: what was sent. */
export function inputIssue(issue: z.core.$ZodIssue, args: unknown): InputIssue {
  const field = issue.path.map(String).join('.');
  const of = (code: IssueCode, params?: Record<string, number>): InputIssue => ({ code, field, ...(params ? { params } : {}) });
  const known = SCHEMA_MESSAGES[issue.message];
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? of('required') : of('too_short', { min });
      if (LISTS.has(issue.origin)) return min <= 1 ? of('required') : of('too_few', { min });
      return of('too_small', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return of('too_long', { max });
      if (LISTS.has(issue.origin)) return of('too_many', { max });
      return of('too_large', { max });
    }
    case 'invalid_type':
      if (!given(args, issue.path)) return of('required');
      return issue.expected === 'int' ? of('not_whole') : of('wrong_type');
    case 'invalid_format':
      return of(known ?? 'invalid_format');
    case 'invalid_value':
      return of('not_allowed');
    case 'invalid_union':
      return of('wrong_type');
    case 'unrecognized_keys':
      return of('unknown_fields');
    default:
      return of(known ?? 'invalid');
  }
}
