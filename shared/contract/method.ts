/** How a contract method is declared, and the argument schemas and caller groups the areas share. */
import { z } from 'zod';
import type { Role } from '../domain';
import { hasHiddenCharacters, isRealDay } from '../text-rules';

/** Who may call: anyone (before sign-in), any signed-in user, or users holding one of the roles. */
export type Access = 'public' | 'signed_in' | readonly Role[];

export interface MethodDef<A extends z.ZodType, R> {
  args: A;
  access: Access;
  /** Phantom: carries the result type only. */
  result?: R;
}

export function method<A extends z.ZodType>(args: A, access: Access) {
  return { returns: <R>(): MethodDef<A, R> => ({ args, access }) };
}

/** A real calendar day: 2026-02-30 is refused, not rolled over (shared/text-rules.ts). */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(isRealDay, 'not a real calendar date');
export const id = z.number().int().positive();
export const version = z.number().int().nonnegative();
/** Free text typed by staff: bounded so a pasted book cannot reach the database. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !hasHiddenCharacters(s), HIDDEN);
/** Any other text staff type (a search, a reason, a file name): no character that hides what it says. */
export const plain = <T extends z.ZodType<string | undefined>>(s: T) => s.refine((v) => v === undefined || !hasHiddenCharacters(v), HIDDEN);
const HIDDEN = 'contains control or direction-override characters';
/** An e-mail address (the relay's sender, a test recipient): one @, no spaces or angle brackets. */
export const emailAddress = z
  .string()
  .trim()
  .max(255)
  .regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, 'expected an e-mail address');
/** Common passwords a desk holding legal records refuses outright (with the length rule, NIST SP 800-63B's advice). */
const COMMON_PASSWORDS = [
  '1234567890',
  '0123456789',
  'password123',
  'password1234',
  'qwertyuiop',
  'abc1234567',
  'iloveyou12',
  'admin12345',
  'mumaris123',
  'scfhs12345',
];
export const password = z
  .string()
  .min(10, 'at least 10 characters')
  .max(200)
  .refine((p) => !/^(.)\1+$/.test(p), 'not one character repeated')
  .refine((p) => !COMMON_PASSWORDS.includes(p.toLowerCase()), 'too common: choose another');
export const username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, 'lower-case letters, digits, . _ - (3 to 32)');

export const STAFF = ['reviewer', 'approver', 'finance', 'card_clerk', 'admin'] as const satisfies readonly Role[];
export const DECIDERS = ['reviewer', 'approver'] as const satisfies readonly Role[];
/** Who works the CPD audit: those who review CPD hours, and admins who read it. */
export const CPD_AUDITORS = ['reviewer', 'approver', 'admin'] as const satisfies readonly Role[];
