/** `desk check --input BUNDLE`: the eligibility checks and the integrity signals on a bundle, without importing it. */
import { resolve } from 'node:path';
import { currentPolicy } from '../../core/policy/current-policy';
import { readBundle } from '../../core/intake/read-bundle';
import { validateBundle } from '../../core/intake/validate-bundle';
import { factsFromBundle } from '../../core/intake/facts';
import { checkEligibility } from '../../core/rules/eligibility';
import { checkBundleSignals, signalsAsText } from '../../core/signals/check-bundle';
import type { Command } from '../command-line';
import { UsageError } from '../usage';

export const check: Command = async ({ desk, values, print }) => {
  if (!values.input) throw new UsageError('check needs --input BUNDLE');
  const { policy, version } = await currentPolicy(desk.db, desk.clock.now().toISOString());
  const bundle = validateBundle(
    await readBundle(resolve(values.input), { maxFileBytes: policy.maxAttachmentBytes, maxBundleBytes: 10 * policy.maxAttachmentBytes }),
  );
  const results = checkEligibility(factsFromBundle(bundle.request), policy);
  // The integrity signals judge the bundle against the database as it is (duplicates, reused files).
  const signals = await checkBundleSignals(desk.db, policy, bundle);
  print(
    { bundle: bundle.name, service: bundle.request.service, policyVersion: version, sample: policy.sample, results, signals },
    results.map((r) => `${r.outcome.padEnd(14)} ${r.rule.padEnd(16)} ${r.explanation.en}`).join('\n') + `\n\nsignals:\n${signalsAsText(signals)}`,
  );
  return 0;
};
