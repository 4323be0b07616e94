import type { IntegritySignal } from './signal';

/**
 * Every integrity signal the desk runs, in the order a reviewer reads them. A signal is added here
 * once; the case view, `desk check` and the dashboard all read this list.
 */
export const SIGNALS: IntegritySignal[] = [];
