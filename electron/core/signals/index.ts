import type { IntegritySignal } from './signal';
import { CPD_SIGNALS } from './cpd-signals';
import { IDENTITY_SIGNALS } from './identity-signals';
import { employerLetterDate } from './employer-letter-date';

/**
 * Every integrity signal the desk runs, in the order a reviewer reads them. A signal is added here
 * once; the case view, `desk check` and the dashboard all read this list.
 */
export const SIGNALS: IntegritySignal[] = [...IDENTITY_SIGNALS, employerLetterDate, ...CPD_SIGNALS];
