import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../../shared/contract';
import { inputIssue, SCHEMA_MESSAGES } from './input-issue';
import { testDesk } from '../testing/test-desk';

const first = (schema: z.ZodType, value: unknown) => inputIssue(schema.safeParse(value).error!.issues[0]!, value);

describe('a refused argument travels as data', () => {
  it("maps zod's issue kinds to the desk's codes with the figures the message needs", () => {
    expect(first(z.object({ search: z.string().max(100) }), { search: 'x'.repeat(101) })).toEqual({
      code: 'too_long',
      field: 'search',
      params: { max: 100 },
    });
    expect(first(z.object({ a: z.string().min(1) }), { a: '' })).toEqual({ code: 'required', field: 'a' });
    expect(first(z.object({ a: z.string().min(10) }), { a: 'short' })).toEqual({ code: 'too_short', field: 'a', params: { min: 10 } });
    expect(first(z.object({ a: z.string() }), {})).toEqual({ code: 'required', field: 'a' });
    expect(first(z.object({ a: z.number() }), { a: 'x' })).toEqual({ code: 'wrong_type', field: 'a' });
    expect(first(z.object({ a: z.number().int() }), { a: 1.5 })).toEqual({ code: 'not_whole', field: 'a' });
    expect(first(z.object({ a: z.number().max(5) }), { a: 6 })).toEqual({ code: 'too_large', field: 'a', params: { max: 5 } });
    expect(first(z.object({ a: z.number().min(1) }), { a: 0 })).toEqual({ code: 'too_small', field: 'a', params: { min: 1 } });
    expect(first(z.object({ a: z.array(z.number()).max(2) }), { a: [1, 2, 3] })).toEqual({ code: 'too_many', field: 'a', params: { max: 2 } });
    expect(first(z.object({ a: z.enum(['x', 'y']) }), { a: 'z' })).toEqual({ code: 'not_allowed', field: 'a' });
    expect(first(z.strictObject({}), { b: 1 })).toEqual({ code: 'unknown_fields', field: '' });
    expect(first(z.object({ e: z.object({ from: z.email() }) }), { e: { from: 'nope' } })).toEqual({ code: 'invalid_format', field: 'e.from' });
    expect(first(z.object({ r: z.array(z.string()) }), { r: [1] })).toEqual({ code: 'wrong_type', field: 'r.0' });
  });

  it("knows every message the contract's schemas give", () => {
    const files = ['shared/contract.ts', 'shared/domain/policy.ts', ...readdirSync('shared/contract').map((f) => `shared/contract/${f}`)];
    const source = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    const messages = [...source.matchAll(/\.(?:regex|refine|min|max)\((?:[^()\n]|\([^()\n]*\))*?,\s*(?:\{\s*message:\s*)?'([^']+)'/g)].map(
      (m) => m[1]!,
    );
    messages.push(...[...source.matchAll(/const HIDDEN = '([^']+)'/g)].map((m) => m[1]!));
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.filter((m) => !SCHEMA_MESSAGES[m])).toEqual([]);
  });

  it('the door sends the issue beside its sentences: search too long, a date the wrong way round', async () => {
    const { desk, dispatch, as } = await testDesk();
    const r = await dispatch('cards.verify', { payload: 'x'.repeat(1001) });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_input', issue: { code: 'too_long', field: 'payload', params: { max: 1000 } } } });
    expect(contract['cards.verify'].access).toBe('public');
    const nul = await dispatch('cards.verify', { payload: 'a\u0000b' });
    expect(nul).toMatchObject({ ok: false, error: { issue: { code: 'nul_character', field: 'payload' } } });
    const { token } = await as('fin', ['finance']);
    const order = await dispatch('finance.reconciliation', { from: '2026-03-10', to: '2026-03-01' }, token);
    expect(order).toMatchObject({ ok: false, error: { issue: { code: 'date_order', field: 'from' } } });
    const notADay = await dispatch('finance.reconciliation', { from: '2026-02-30', to: '2026-03-01' }, token);
    expect(notADay).toMatchObject({ ok: false, error: { issue: { code: 'not_a_date', field: 'from' } } });
    await desk.close();
  });
});
