import { BIDI_CONTROL } from '../../shared/text-rules';

/**
 * Where a bidi override or isolate (U+202A–U+202E, U+2066–U+2069) hides in a call's arguments (its
 * path, e.g. "delivery.receiverName"), or null. The contract refuses them field by field where it
 * names free text; this catches every other string any method takes, present or future, at the
 * dispatcher. Iterative: hostile input may nest deeper than the call stack.
 */
export function bidiControlAt(root: unknown): string | null {
  const stack: Array<[unknown, string[]]> = [[root, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (BIDI_CONTROL.test(value)) return path.join('.') || '(text)';
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (BIDI_CONTROL.test(k)) return [...path, '(key)'].join('.');
        stack.push([v, [...path, k]]);
      }
    }
  }
  return null;
}
