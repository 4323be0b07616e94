import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { importBundles } from '../intake/import-batch';
import { samplePolicy } from '../policy/sample-policy';
import { goodRequestJson, writeFolder } from '../intake/testing/request-bundles';
import type { QueuePage } from '../../../shared/domain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function setup() {
  const t = await testDesk(':memory:', '2026-03-10T08:00:00.000Z');
  close = () => t.desk.close();
  const people = [
    {
      reference: 'REQ-2026-000001',
      nameAr: 'أحمد بن إبراهيم الزهراني',
      nameEn: 'Ahmed Ibrahim Alzahrani',
      idNumber: '1000000008',
      mobile: '+966501234567',
      nationality: 'SA',
    },
    {
      reference: 'REQ-2026-000002',
      nameAr: 'فاطمة بنت عبدالله الشهري',
      nameEn: 'Fatimah Abdullah Alshehri',
      idNumber: '1000000016',
      mobile: '0559876543',
      nationality: 'SA',
    },
    {
      reference: 'REQ-2026-000003',
      nameAr: 'راجيش كومار',
      nameEn: 'Rajesh Kumar',
      idNumber: '2000000006',
      mobile: '+966512223333',
      nationality: 'IN',
    },
  ];
  const base = goodRequestJson();
  await importBundles(
    t.desk.db,
    t.clock,
    samplePolicy(),
    people.map((p) =>
      writeFolder(
        goodRequestJson({
          reference: p.reference,
          applicant: {
            ...base.applicant,
            nameAr: p.nameAr,
            nameEn: p.nameEn,
            idNumber: p.idNumber,
            mobile: p.mobile,
            nationality: p.nationality,
            idType: p.nationality === 'SA' ? 'national_id' : 'iqama',
            idExpiry: p.nationality === 'SA' ? null : '2030-01-01',
          },
        }),
      ),
    ),
  );
  const rev = await t.as('rev', ['reviewer']);
  const search = async (args: Record<string, unknown>) => {
    const r = await t.dispatch('queues.page', { queue: 'all', offset: 0, limit: 50, ...args }, rev.token);
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as QueuePage).rows.map((x) => x.reference);
  };
  return { ...t, search };
}

describe('queue search and filters', () => {
  it.each([
    ['احمد', ['REQ-2026-000001']], // without hamza finds أحمد
    ['ابراهيم الزهراني', ['REQ-2026-000001']],
    ['فاطمه', ['REQ-2026-000002']], // ta marbuta folded
    ['فَاطِمَة', ['REQ-2026-000002']], // diacritics ignored
    ['alshehri', ['REQ-2026-000002']],
    ['RAJESH', ['REQ-2026-000003']],
    ['2000000006', ['REQ-2026-000003']],
    ['٢٠٠٠٠٠٠٠٠٦', ['REQ-2026-000003']],
    ['0501234567', ['REQ-2026-000001']],
    ['+966559876543', ['REQ-2026-000002']],
    ['000002', ['REQ-2026-000002']],
    ['REQ-2026-000003', ['REQ-2026-000003']],
    ['ku', ['REQ-2026-000003']],
    ['nobody here', []],
  ])('"%s" finds %j', async (q, expected) => {
    const t = await setup();
    expect(await t.search({ search: q })).toEqual(expected);
  });

  it('filters by nationality, status, service and dates, and keeps queue membership', async () => {
    const t = await setup();
    expect(await t.search({ nationality: 'IN' })).toEqual(['REQ-2026-000003']);
    expect(await t.search({ status: 'submitted', sort: 'reference' })).toHaveLength(3);
    expect(await t.search({ service: 'REGISTRATION' })).toEqual([]);
    expect(await t.search({ submittedFrom: '2026-03-01', submittedTo: '2026-03-01' })).toHaveLength(3);
    expect(await t.search({ submittedFrom: '2026-03-02' })).toEqual([]);
    expect(await t.search({ queue: 'mine', search: 'احمد' })).toEqual([]);
  });
});

describe('searches that match a great many requests', () => {
  it('stop counting past the cap and say there are more; below it the count is exact', async () => {
    const t = await testDesk(':memory:', '2026-11-23T08:00:00.000Z');
    close = () => t.desk.close();
    const { seedDemo } = await import('../demo/seed');
    const { queueTotal } = await import('./queues');
    await seedDemo(t.desk.db, t.clock, { cases: 300, seed: 6 });
    const user = (await t.as('searcher', ['reviewer'])).user;
    const all = await queueTotal(t.desk.db, user, { queue: 'all', search: 'بن' });
    expect(all).toBeGreaterThan(20);
    expect(await queueTotal(t.desk.db, user, { queue: 'all', search: 'بن' }, 10)).toBe(11);
    expect(await queueTotal(t.desk.db, user, { queue: 'all', search: 'بن' }, 100_000)).toBe(all);
    const page = (await t.dispatch(
      'queues.page',
      { queue: 'all', offset: 0, limit: 50, search: 'بن' },
      (await t.as('searcher', ['reviewer'])).token,
    )) as {
      ok: true;
      value: QueuePage;
    };
    expect(page.value.total).toBe(all);
    expect(page.value.moreThanTotal).toBeUndefined();
  });

  it('counts a search of All in the search index as in the requests, capped or not', async () => {
    const t = await testDesk(':memory:', '2026-11-23T08:00:00.000Z');
    close = () => t.desk.close();
    const { seedDemo } = await import('../demo/seed');
    const { queueTotal } = await import('./queues');
    await seedDemo(t.desk.db, t.clock, { cases: 120, seed: 8 });
    const user = (await t.as('searcher', ['reviewer'])).user;
    let seen = 0;
    for (const search of ['محمد', 'mohammed', 'REQ-2026', 'عبدالله الزهراني', 'kumar', 'zzzq']) {
      // Counted row by row: no cap takes the requests' own count.
      const all = await queueTotal(t.desk.db, user, { queue: 'all', search });
      for (const cap of [0, 10, 100_000])
        expect(await queueTotal(t.desk.db, user, { queue: 'all', search }, cap), `${search} ${cap}`).toBe(Math.min(all, cap + 1));
      seen += all;
    }
    expect(seen).toBeGreaterThan(20);
  }, 240_000);

  it('reading in the queue order (many matches) lists the same rows as reading by the matches', async () => {
    const t = await testDesk(':memory:', '2026-11-23T08:00:00.000Z');
    close = () => t.desk.close();
    const { seedDemo } = await import('../demo/seed');
    const { queueRows } = await import('./queues');
    await seedDemo(t.desk.db, t.clock, { cases: 200, seed: 7 });
    const user = (await t.as('searcher', ['reviewer'])).user;
    for (const search of ['محمد', 'mohammed', 'al', 'REQ-2026']) {
      for (const sort of ['age', 'submitted_desc', 'reference'] as const) {
        for (const queue of ['all', 'new'] as const) {
          const byMatches = await queueRows(t.desk.db, user, { queue, sort, search }).limit(30).execute();
          const inOrder = await queueRows(t.desk.db, user, { queue, sort, search }, true).limit(30).execute();
          expect(
            inOrder.map((r) => r.id),
            `${search} ${sort} ${queue}`,
          ).toEqual(byMatches.map((r) => r.id));
        }
      }
    }
  });
});
