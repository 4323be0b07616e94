import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from './seed';
import { categoriesFor } from './request-mix';
import { TERMS } from '../../../shared/domain/terms';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

async function seeded(seed: number) {
  const t = await testDesk();
  closers.push(() => t.desk.close());
  await seedDemo(t.desk.db, t.clock, { cases: 80, seed });
  const requests = await t.desk.db
    .selectFrom('requests')
    .select(['reference', 'service', 'status', 'submitted_at', 'applicant_snapshot', 'cpd_recorded_hours'])
    .orderBy('id')
    .execute();
  const attachments = await t.desk.db.selectFrom('attachments').select(['request_id', 'kind', 'sha256', 'issued_at']).orderBy('id').execute();
  const payments = await t.desk.db.selectFrom('payments').select(['reference', 'amount_halalas', 'paid_at']).orderBy('id').execute();
  return { requests, attachments, payments };
}

describe('demo data', () => {
  it('same seed, same data; another seed, other data', async () => {
    const a = await seeded(5);
    const b = await seeded(5);
    const c = await seeded(6);
    expect(b).toEqual(a);
    expect(c.requests).not.toEqual(a.requests);
  });

  it('spreads over services and statuses, with attachments and real files', async () => {
    const { requests, attachments } = await seeded(1);
    expect(new Set(requests.map((r) => r.status)).size).toBeGreaterThan(8);
    expect(new Set(requests.map((r) => r.service)).size).toBeGreaterThan(8);
    expect(attachments.length).toBeGreaterThan(requests.length);
  });

  it('gives each practitioner a rank of their profession, and every registered one a registration number', async () => {
    const t = await testDesk();
    closers.push(() => t.desk.close());
    await seedDemo(t.desk.db, t.clock, { cases: 120, seed: 3 });
    const rows = await t.desk.db
      .selectFrom('requests as r')
      .innerJoin('practitioners as p', 'p.id', 'r.practitioner_id')
      .select(['r.service', 'r.status', 'p.profession', 'p.category', 'p.registration_number'])
      .execute();
    const keyOf = Object.fromEntries(Object.entries(TERMS.professions).map(([key, p]) => [p.en, key]));
    for (const r of rows) {
      expect(keyOf[r.profession], r.profession).toBeDefined();
      expect(categoriesFor(keyOf[r.profession]!), `${r.profession} as ${r.category}`).toContain(r.category);
      const firstRegistration = r.service === 'REGISTRATION' || r.service === 'CLASSIFICATION_OUTSIDE';
      const registered =
        !firstRegistration ||
        !['submitted', 'in_review', 'returned', 'resubmitted', 'awaiting_second_signature', 'rejected', 'withdrawn'].includes(r.status);
      if (registered) expect(r.registration_number ?? 'none', `${r.service} ${r.status}`).toMatch(/^\d{2}R[A-Z]\d{7}$/);
    }
    expect(categoriesFor('pharmacist')).not.toContain('general_practitioner');
    expect(categoriesFor('dentist')).not.toContain('senior_technician');
  });
});
