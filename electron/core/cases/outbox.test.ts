/**
 * The Outbox page's search (outbox.list `search`): by reference, recipient and subject, as literal
 * text (LIKE's `%` and `_` are characters, not wildcards), limited in length, and cut to the role:
 * only roles that see applicants' addresses search by one (the others are told why); every staff
 * role reads subjects and references. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import type { OutboxMessage } from '../../../shared/domain/index';

let t: Awaited<ReturnType<typeof testDesk>>;
let reference: string;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await testDesk();
  await seedDemo(t.desk.db, t.clock, { cases: 3, seed: 5 });
  const req = await t.desk.db.selectFrom('requests').select(['id', 'reference']).orderBy('id').limit(1).executeTakeFirstOrThrow();
  reference = req.reference;
  const add = async (key: string, to: string, subjectEn: string, subjectAr: string, requestId: number | null = req.id) => {
    const row = await t.desk.db
      .insertInto('outbox')
      .values({
        request_id: requestId,
        to_address: to,
        kind: 'test',
        subject_ar: subjectAr,
        subject_en: subjectEn,
        body_ar: 'نص',
        body_en: 'text',
        created_at: '2026-03-10T08:00:00.000Z',
        sent_at: null,
        message_id: `<outbox-search-${key}@mumaris-desk>`,
        attachment: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = row.id;
  };
  await add('percent', 'huda.alqahtani@example.sa', 'Refund of 50% of the fee', 'استرداد 50% من الرسوم', null);
  await add('underscore', 'a_b.owner@example.sa', 'Your request', 'طلبك', null);
  await add('plain', 'aXb.owner@example.sa', 'Your request', 'طلبك', null);
  await add('arabic', 'omar@example.sa', 'Returned for a missing letter', 'أعيد الطلب لنقص خطاب جهة العمل', null);
  await add('ofRequest', 'sara@example.sa', 'Approved', 'اعتمد الطلب');
}, 60_000);
afterAll(async () => t.desk.close());

const list = async (token: string, search: string): Promise<OutboxMessage[]> => {
  const r = await t.dispatch('outbox.list', { search, limit: 500 }, token);
  expect(r).toMatchObject({ ok: true });
  return (r as { value: OutboxMessage[] }).value;
};
const idsOf = (ms: OutboxMessage[]) => ms.map((m) => m.id);

describe('outbox search', () => {
  it('by reference (any case), by recipient and by subject in either language', async () => {
    const reviewer = await t.as('outbox-search-reviewer', ['reviewer']);
    const byRef = await list(reviewer.token, reference.toLowerCase());
    expect(idsOf(byRef)).toContain(ids.ofRequest);
    expect(byRef.every((m) => m.reference === reference)).toBe(true);
    expect(idsOf(await list(reviewer.token, 'HUDA.ALQAHTANI@'))).toEqual([ids.percent]);
    expect(idsOf(await list(reviewer.token, 'missing letter'))).toEqual([ids.arabic]);
    expect(idsOf(await list(reviewer.token, 'خطاب جهة العمل'))).toEqual([ids.arabic]);
  });

  it('is literal: % and _ are characters, not wildcards', async () => {
    const reviewer = await t.as('outbox-search-reviewer', ['reviewer']);
    expect(idsOf(await list(reviewer.token, '50%'))).toEqual([ids.percent]);
    expect(idsOf(await list(reviewer.token, '%'))).toEqual([ids.percent]);
    // `a_b` would match aXb as a LIKE pattern.
    expect(idsOf(await list(reviewer.token, 'a_b.owner'))).toEqual([ids.underscore]);
    expect(await list(reviewer.token, '\\')).toEqual([]);
  });

  it('is limited in length, saying so', async () => {
    const reviewer = await t.as('outbox-search-reviewer', ['reviewer']);
    expect(await t.dispatch('outbox.list', { search: 'x'.repeat(101) }, reviewer.token)).toMatchObject({
      ok: false,
      error: { code: 'bad_input', issue: { code: 'too_long', field: 'search', params: { max: 100 } } },
    });
  });

  it('by role: an address only for roles that see it, a subject for every staff role', async () => {
    const finance = await t.as('outbox-search-finance', ['finance']);
    const clerk = await t.as('outbox-search-clerk', ['card_clerk']);
    for (const u of [finance, clerk]) {
      // Subjects and references stay searchable.
      expect(idsOf(await list(u.token, 'missing letter'))).toEqual([ids.arabic]);
      expect((await list(u.token, 'missing letter'))[0]!.to).toBe('');
      for (const address of ['omar@example.sa', '0551234567'])
        expect(await t.dispatch('outbox.list', { search: address }, u.token)).toMatchObject({
          ok: false,
          error: {
            code: 'forbidden',
            message: expect.stringMatching(/^search: your role does not see applicants’ (e-mail addresses|mobile numbers)/),
          },
        });
      // Part of an address is no way around it: it matches nothing the role may not see.
      expect(await list(u.token, 'huda.alqahtani')).toEqual([]);
    }
  });
});
