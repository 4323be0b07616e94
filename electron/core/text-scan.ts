/**
 * Where a string matching `bad` hides in a call's arguments: its path (e.g. "applicant.email"), or null.
 * A bad object key is named by `keyLabel`. Iterative: hostile input may nest deeper than the call stack.
 */
export function textAt(root: unknown, bad: (s: string) => boolean, keyLabel: (key: string) => string): string | null {
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
