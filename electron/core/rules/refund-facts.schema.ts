/** RefundFacts as it arrives from a file or the finance desk: checked field by field. */
import { z } from 'zod';
import { SERVICES } from '../../../shared/domain';
import type { RefundFacts } from './types';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected a date YYYY-MM-DD');
const money = z.number().finite().nonnegative().max(10_000_000);

export const refundFactsSchema = z.object({
  service: z.enum(SERVICES),
  submittedAt: isoDate,
  requestedAt: isoDate,
  studied: z.boolean(),
  evaluationSessionHeld: z.boolean(),
  rejectedForNoResponse: z.boolean(),
  invoice: z.object({
    id: z.string().min(1).max(64),
    lines: z.array(z.object({ kind: z.enum(['service', 'late', 'administrative']), amount: money })).max(50),
  }),
  payments: z.array(z.object({ id: z.string().min(1).max(64), amount: money, paidAt: isoDate })).max(50),
  grounds: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('directed_in_writing'), proof: z.boolean() }),
        z.object({ kind: z.literal('wrong_path'), by: z.enum(['staff', 'system']) }),
        z.object({ kind: z.literal('late_fee_prior_attempts'), proof: z.boolean() }),
        z.object({ kind: z.literal('exempt_category'), category: z.string().min(1).max(64) }),
      ]),
    )
    .max(10)
    .default([]),
}) satisfies z.ZodType<RefundFacts, unknown>;

/** The first problem, as "field.path: message", for the command line and the finance desk. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || '(input)'}: ${issue.message}`;
}
