import { afterEach, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { indexMissingPhotos } from './photo-index';
import { photoHash } from './photo-hash';
import { importTest, testBundle, testPdf, testPhoto } from './testing/signal-bundles';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

const applicant = (n: number) => ({
  nameAr: `محمد بن عبدالله ${n}`,
  nameEn: `Mohammed Abdullah ${n}`,
  idNumber: `100000000${n}`,
  birthDate: '1985-06-15',
});

it('hashes each distinct stored photo once, however many requests attach it, and nothing the second time', async () => {
  const t = await testDesk(':memory:', '2026-03-02T08:00:00.000Z');
  close = () => t.desk.close();
  const shared = testPhoto(7);
  const own = testPhoto(99);
  for (const [n, photo] of [
    [1, shared],
    [2, shared],
    [3, shared],
    [4, own],
  ] as const)
    await importTest(t, testBundle(applicant(n), { letter: await testPdf(`letter ${n}`), work: await testPdf(`work ${n}`), photo }));
  // The import hashed them; forget the hashes as a database from before migration 0130 would have none.
  await t.desk.db.deleteFrom('photo_hash_bands').execute();
  await t.desk.db.deleteFrom('photo_hashes').execute();

  // A page of one photo at a time: the walk must step over the shared photo's other attachments.
  expect(await indexMissingPhotos(t.desk.db, t.desk.blobs, 1)).toBe(2);
  const hashes = await t.desk.db.selectFrom('photo_hashes').select(['hash']).orderBy('hash').execute();
  expect(hashes.map((h) => h.hash).sort()).toEqual([photoHash(shared, 'image/jpeg'), photoHash(own, 'image/jpeg')].sort());
  const bands = await t.desk.db
    .selectFrom('photo_hash_bands')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  expect(Number(bands.n)).toBeGreaterThan(0);
  expect(await indexMissingPhotos(t.desk.db, t.desk.blobs)).toBe(0);
});
