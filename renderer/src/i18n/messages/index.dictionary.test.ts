import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '../../../../shared/contract';
import { DATABASE_PROBLEMS, ISSUE_CODES } from '../../../../shared/domain';
import { MESSAGES, type MessageKey } from './index';
import { FIELD_NAMES, fieldName } from '../field-names';
import { ISSUE_MESSAGES } from '../issues';

const LATIN = /[A-Za-z]/;
const worded = (b: { ar: string; en: string }) => b.ar.trim().length > 0 && b.en.trim().length > 0;

/** Every key any call's arguments may carry, found by walking the contract's zod schemas. */
function argumentKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (schema: z.ZodType, depth: number): void => {
    const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    if (depth > 12) return;
    const inner = (k: string) => walk(def[k] as z.ZodType, depth + 1);
    switch (def.type) {
      case 'object':
        for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) {
          keys.add(k);
          walk(v, depth + 1);
        }
        break;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nonoptional':
      case 'catch':
        inner('innerType');
        break;
      case 'pipe':
        inner('in');
        inner('out');
        break;
      case 'array':
        inner('element');
        break;
      case 'record':
        inner('valueType');
        break;
      case 'union':
        for (const o of def.options as z.ZodType[]) walk(o, depth + 1);
        break;
    }
  };
  for (const m of Object.values(contract)) walk(m.args as z.ZodType, 0);
  return keys;
}

describe('the dictionary', () => {
  it('has every message in both languages, and no Latin letter in Arabic where none is meant', () => {
    for (const [key, m] of Object.entries(MESSAGES)) expect(worded(m), key).toBe(true);
  });

  it('names every argument of the contract in both languages, so no error shows a key', () => {
    const keys = argumentKeys();
    expect(keys.size).toBeGreaterThan(50);
    const missing = [...keys].filter((k) => fieldName(k) === null);
    expect(missing).toEqual([]);
    for (const [key, name] of Object.entries(FIELD_NAMES)) {
      expect(worded(name), key).toBe(true);
      expect(name.ar, key).not.toMatch(LATIN);
    }
  });

  it('words every issue code the main process can send, in both languages', () => {
    for (const code of ISSUE_CODES) {
      expect(ISSUE_MESSAGES[code], code).toBeDefined();
      expect(worded(ISSUE_MESSAGES[code]), code).toBe(true);
    }
    for (const code of ISSUE_CODES) expect(ISSUE_MESSAGES[code].ar.replace(/\{\w+\}/g, ''), code).not.toMatch(LATIN);
  });

  it('words every reason a database address cannot be used', () => {
    for (const p of DATABASE_PROBLEMS) {
      const key = `probe_${p}` as MessageKey;
      expect(MESSAGES[key], key).toBeDefined();
      expect(MESSAGES[key].ar, key).not.toMatch(LATIN);
    }
  });
});
