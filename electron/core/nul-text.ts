import { textAt } from './text-scan';

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
