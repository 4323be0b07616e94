import { BIDI_CONTROL } from '../../../shared/text-rules';
import type { InputIssue } from '../../../shared/domain';

/**
 * Characters no text the desk keeps may hold, found anywhere in a call's arguments (the dispatcher) or a
 * request bundle (intake), whatever field they hide in.
 */

/**
 * Where a string matching `bad` hides in a call's arguments: its path (e.g. "applicant.email"), or null.
 * A bad object key is named by `keyLabel`. Iterative: hostile input may nest deeper than the call stack.
 */
function textAt(root: unknown, bad: (s: string) => boolean, keyLabel: (key: string) => string): string | null {
  const stack: Array<[unknown, string[]]> = [[root, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (bad(value)) return path.join('.') || '(text)';
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (bad(k)) return [...path, keyLabel(k)].join('.');
        stack.push([v, [...path, k]]);
      }
    }
  }
  return null;
}

/**
 * Where a NUL character hides in a value (its path, e.g. "applicant.email"), or null. No text the
 * desk keeps may hold one: PostgreSQL refuses it outright and SQLite would cut the text short in
 * some readers, so it is refused at the edge on both, naming the field.
 */
export const nulCharacterAt = (root: unknown): string | null =>
  textAt(
    root,
    (s) => s.includes('\u0000'),
    (k) => k.replaceAll('\u0000', '\\0'),
  );

/**
 * Where a bidi override or isolate (U+202A–U+202E, U+2066–U+2069) hides in a call's arguments (its
 * path, e.g. "delivery.receiverName"), or null. The contract refuses them field by field where it
 * names free text; this catches every other string any method takes, present or future, at the dispatcher.
 */
const bidiControlAt = (root: unknown): string | null =>
  textAt(
    root,
    (s) => BIDI_CONTROL.test(s),
    () => '(key)',
  );

/** A call's arguments refused for a hidden character, field named, in both languages and as data for the screen; or null. */
export function hiddenCharacterRefusal(args: unknown): { message: string; messageAr: string; issue: InputIssue } | null {
  const nul = nulCharacterAt(args);
  if (nul)
    return {
      message: `${nul}: contains a NUL character`,
      messageAr: `${nul}: يحتوي على محرف NUL غير مسموح`,
      issue: { code: 'nul_character', field: nul },
    };
  const bidi = bidiControlAt(args);
  if (bidi)
    return {
      message: `${bidi}: contains a direction-override character (U+202A–U+202E, U+2066–U+2069)`,
      messageAr: `${bidi}: يحتوي على محرف تغيير اتجاه مخفي (U+202A–U+202E أو U+2066–U+2069)`,
      issue: { code: 'hidden_characters', field: bidi },
    };
  return null;
}
