/**
 * Where a NUL character hides in a value (its path, e.g. "applicant.email"), or null. No text the
 * desk keeps may hold one: PostgreSQL refuses it outright and SQLite would cut the text short in
 * some readers, so it is refused at the edge on both, naming the field. Iterative: hostile input
 * may nest deeper than the call stack.
 */
export function nulCharacterAt(root: unknown): string | null {
  const stack: Array<[unknown, string[]]> = [[root, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path.join('.') || '(text)';
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k.includes('\u0000')) return [...path, k.replaceAll('\u0000', '\\0')].join('.');
        stack.push([v, [...path, k]]);
      }
    }
  }
  return null;
}
