import { BIDI_CONTROL } from '../../shared/text-rules';
import { textAt } from './text-scan';

/**
 * Where a bidi override or isolate (U+202A–U+202E, U+2066–U+2069) hides in a call's arguments (its
 * path, e.g. "delivery.receiverName"), or null. The contract refuses them field by field where it
 * names free text; this catches every other string any method takes, present or future, at the dispatcher.
 */
export const bidiControlAt = (root: unknown): string | null =>
  textAt(
    root,
    (s) => BIDI_CONTROL.test(s),
    () => '(key)',
  );
