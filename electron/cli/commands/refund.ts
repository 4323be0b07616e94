/** `desk refund --input FILE|-`: compute a refund from RefundFacts (rules.md). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { currentPolicy } from '../../core/policy/current-policy';
import { computeRefund } from '../../core/rules/refund';
import { firstIssue, refundFactsSchema } from '../../core/rules/refund-facts.schema';
import type { Command } from '../command-line';
import { UsageError } from '../usage';

export const refund: Command = async ({ desk, values }) => {
  if (!values.input) throw new UsageError('refund needs --input FILE (or - for standard input)');
  const textIn = values.input === '-' ? readFileSync(0, 'utf8') : readFileSync(resolve(values.input), 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(textIn);
  } catch (e) {
    throw new UsageError(`the input is not JSON: ${(e as Error).message}`);
  }
  const parsed = refundFactsSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(firstIssue(parsed.error));
  const { policy } = await currentPolicy(desk.db, desk.clock.now().toISOString());
  const result = computeRefund(parsed.data, policy);
  // The result is JSON whatever --json says: formats.md makes RefundResult the output.
  console.log(JSON.stringify(result, null, 2));
  return 0;
};
