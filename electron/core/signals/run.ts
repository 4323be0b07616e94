/**
 * Runs every registered signal on one subject. A signal that throws (a missing blob, a damaged PDF, a
 * bug) becomes a warn naming the signal and the error: the case view and `desk check` always show the
 * other signals, and the reviewer sees that this one could not be computed rather than a silent pass.
 */
import { DeskFault } from '../errors';
import type { SignalView } from '../../../shared/domain/signals';
import { SIGNALS } from './index';
import type { IntegritySignal, SignalContext } from './signal';

export async function runSignals(ctx: SignalContext, signals: readonly IntegritySignal[] = SIGNALS): Promise<SignalView[]> {
  const out: SignalView[] = [];
  // One after another: each signal's queries are indexed and cheap, and a pool of five connections
  // (PostgreSQL) is better left to the other desks than filled by one case opening.
  for (const s of signals) {
    try {
      out.push(...(await s.run(ctx)));
    } catch (e) {
      out.push(signalFailed(s, e));
    }
  }
  return out;
}

/** The warn shown in place of a signal that could not run. */
export function signalFailed(s: IntegritySignal, e: unknown): SignalView {
  const en = e instanceof Error ? e.message : String(e);
  const ar = e instanceof DeskFault && e.messageAr ? e.messageAr : en;
  return {
    signal: s.id,
    outcome: 'warn',
    title: s.title,
    explanation: {
      ar: `تعذّر حساب هذه الإشارة، فلم يُتحقق منها: ${ar}`,
      en: `This signal could not be computed, so it was not checked: ${en}`,
    },
    evidence: { error: en },
    links: [],
  };
}
