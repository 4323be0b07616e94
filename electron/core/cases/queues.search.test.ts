import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import type { QueuePage } from '../../../shared/domain/index';
import { SEARCH_MAX_CHARS } from '../../../shared/domain/index';
import { importTest, testBundle, testPdf, testPhoto } from '../signals/testing/signal-bundles';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

let fileNo = 0;
async function ownFiles() {
  fileNo++;
  return { letter: await testPdf(`search letter ${fileNo}`), work: await testPdf(`search work ${fileNo}`), photo: testPhoto(fileNo * 7) };
}

/**
 * Two requests whose search text differs only where the other has LIKE's wildcards and its escape: a search
 * for "%", "_" or "\" must find the one holding that character, never both. The search text is written as
 * the index keeps it (the FTS table follows by its trigger), since an applicant's name never holds these.
 */
async function setup() {
  const t = await testDesk(':memory:', '2026-03-02T08:00:00.000Z');
  close = () => t.desk.close();
  const withMarks = await importTest(
    t,
    testBundle({ nameAr: 'سارة بنت علي الحربي', nameEn: 'Sarah Ali Alharbi', idNumber: '1000000008', birthDate: '1990-05-01' }, await ownFiles()),
  );
  const plain = await importTest(
    t,
    testBundle({ nameAr: 'نورة بنت سعد الدوسري', nameEn: 'Noura Saad Aldosari', idNumber: '1000000016', birthDate: '1991-05-01' }, await ownFiles()),
  );
  for (const [id, extra] of [
    [withMarks, 'note:50%off a_b c\\d'],
    [plain, 'note:50xoff axb cxd'],
  ] as const) {
    const r = await t.desk.db.selectFrom('requests').select('search_text').where('id', '=', id).executeTakeFirstOrThrow();
    await t.desk.db
      .updateTable('requests')
      .set({ search_text: `${r.search_text} ${extra}` })
      .where('id', '=', id)
      .execute();
  }
  const rev = await t.as('rev', ['reviewer']);
  const search = (text: string) => t.dispatch('queues.page', { queue: 'all', offset: 0, limit: 50, search: text }, rev.token);
  const found = async (text: string) => {
    const r = await search(text);
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as QueuePage).rows.map((x) => x.id).sort((a, b) => a - b);
  };
  return { found, search, withMarks, plain };
}

describe('queue search is literal text', () => {
  it.each([
    ['%', 'marks'],
    ['_', 'marks'],
    ['\\', 'marks'],
    ['0%', 'marks'],
    ['50%', 'marks'],
    ['50%off', 'marks'],
    ['a_b', 'marks'],
    ['c\\d', 'marks'],
    ['%%', 'none'],
    ['__', 'none'],
    ['x%f', 'none'],
    ['50xoff', 'plain'],
    ['off', 'both'],
    ['ALHARBI', 'marks'],
  ] as const)('"%s" matches itself only (%s)', async (text, expected) => {
    const t = await setup();
    const ids = { marks: [t.withMarks], plain: [t.plain], both: [t.withMarks, t.plain].sort((a, b) => a - b), none: [] }[expected];
    expect(await t.found(text)).toEqual(ids);
  });

  it(`takes ${SEARCH_MAX_CHARS} characters and refuses more with a named input issue`, async () => {
    const t = await setup();
    expect(await t.found(`alharbi ${'x'.repeat(SEARCH_MAX_CHARS - 8)}`)).toEqual([]);
    expect(await t.search('x'.repeat(4_440))).toMatchObject({
      ok: false,
      error: { code: 'bad_input', issue: { code: 'too_long', field: 'search', params: { max: SEARCH_MAX_CHARS } } },
    });
  });
});
