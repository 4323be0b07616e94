import { describe, expect, it } from 'vitest';
import { MESSAGES } from '.';

/** Every area file beside this one, as loaded: its exported wording objects. */
const areas = import.meta.glob<Record<string, Record<string, { ar: string; en: string }>>>(['./*.ts', '!./index.ts', '!./*.test.ts'], {
  eager: true,
});

describe('the dictionary by area', () => {
  it('words each key in exactly one area, and every area reaches MESSAGES', () => {
    const whereWorded = new Map<string, string[]>();
    for (const [file, exports] of Object.entries(areas))
      for (const wording of Object.values(exports))
        for (const key of Object.keys(wording)) whereWorded.set(key, [...(whereWorded.get(key) ?? []), file]);
    expect(Object.keys(areas).length).toBeGreaterThan(10);
    expect([...whereWorded].filter(([, files]) => files.length > 1)).toEqual([]);
    expect(Object.keys(MESSAGES).sort()).toEqual([...whereWorded.keys()].sort());
  });
});
