/**
 * `desk check --input BUNDLE`: the signals of a bundle not yet imported, judged against the database, and
 * their text form beside the eligibility rules' (outcome, id, explanation in English then Arabic, and
 * what it compared: the other request, the file).
 */
import type { DeskDb } from '../db/connection';
import type { Policy } from '../../../shared/domain/policy';
import type { SignalLink, SignalView } from '../../../shared/domain/signals';
import type { ValidBundle } from '../intake/validate-bundle';
import { subjectFromBundle } from './subject';
import { runSignals } from './run';

export function checkBundleSignals(db: DeskDb, policy: Policy, bundle: ValidBundle): Promise<SignalView[]> {
  return runSignals({ db, policy, subject: subjectFromBundle(bundle) });
}

const linkText = (l: SignalLink) => (l.kind === 'request' ? l.reference : `${l.reference} (${l.fileName})`);

export function signalsAsText(views: readonly SignalView[]): string {
  const pad = ' '.repeat(32);
  return views
    .map((v) => {
      const lines = [`${v.outcome.padEnd(14)} ${v.signal.padEnd(16)} ${v.explanation.en}`, `${pad}${v.explanation.ar}`];
      if (v.links.length > 0) lines.push(`${pad}compared with / قورن مع: ${v.links.map(linkText).join(', ')}`);
      return lines.join('\n');
    })
    .join('\n');
}
