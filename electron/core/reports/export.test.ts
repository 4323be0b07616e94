import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import { getUser } from '../auth/users';
import { runExport } from './export';
import { csvField, parseCsv } from '../../../shared/csv';
import { columnsFor, EXPORT_COLUMNS, type ExportSource } from './export-columns';
import { openSink } from './export-sinks';
import { queueRows } from '../cases/queues';
import { pdfText } from '../documents/testing/pdf-tools';
import type { DeskDb } from '../db/connection';

const dir = mkdtempSync(join(tmpdir(), 'desk-export-'));

/** One seeded desk for the file: an export only reads the requests, and seeding 300 was most of each test's time. */
let seeded: ReturnType<typeof seededDesk> | undefined;
const setup = () => (seeded ??= seededDesk());
afterAll(async () => (await seeded)?.desk.close());

async function seededDesk() {
  const t = await testDesk(':memory:', '2026-11-23T09:00:00.000Z');
  await seedDemo(t.desk.db, t.clock, { cases: 300, seed: 4 });
  const reviewer = (await getUser(t.desk.db, (await t.as('rev', ['reviewer'])).user.id))!;
  const finance = (await getUser(t.desk.db, (await t.as('fin', ['finance'])).user.id))!;
  return { ...t, reviewer, finance };
}

describe('CSV fields', () => {
  it('quote what needs quoting and neutralise formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1'])
      expect(parseCsv(`${csvField(evil)}\r\n`)[0]![0]!.startsWith("'")).toBe(true);
    expect(csvField(new Date('2026-11-23T00:00:00Z'))).toBe('2026-11-23');
    expect(csvField(null)).toBe('');
  });
});

describe('exports of a queue view', () => {
  // Seeded once before the tests, with time to spare: on PostgreSQL on a busy machine it takes most of a minute.
  beforeAll(async () => void (await setup()), 180_000);

  it('CSV: BOM, Arabic, the same rows and order as the query, contact columns only for roles that may see them', async () => {
    const t = await setup();
    const file = join(dir, 'all.csv');
    const query = { queue: 'all' as const, sort: 'age' as const, search: undefined };
    const r = await runExport(t.desk.db, t.reviewer, { format: 'csv', lang: 'ar', query }, file, t.clock.now());
    expect(r.rows).toBe(await everyRequest(t.desk.db));
    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(columnsFor(['reviewer']).map((c) => c.title.ar));
    const expected = (await queueRows(t.desk.db, t.reviewer, query).execute()) as ExportSource[];
    expect(rows.slice(1).map((row) => [row[0], row[6], row[8]])).toEqual(expected.map((e) => [e.reference, e.name_ar, e.id_number]));
    expect(rows[1]).toContain(
      columnsFor(['reviewer'])
        .find((c) => c.key === 'email')!
        .value(expected[0]!, 'ar', '2026-11-23'),
    );

    const finFile = join(dir, 'fin.csv');
    await runExport(t.desk.db, t.finance, { format: 'csv', lang: 'en', query }, finFile, t.clock.now());
    const header = parseCsv(readFileSync(finFile, 'utf8'))[0]!;
    expect(header).not.toContain('E-mail');
    expect(header).not.toContain('Mobile');
    expect(header).toContain('Name (Arabic)');
  });

  it('XLSX: typed cells, right-to-left sheet, frozen header, filters, and the rows read back', async () => {
    const t = await setup();
    const file = join(dir, 'new.xlsx');
    const query = { queue: 'all' as const, sort: 'reference' as const, service: 'RENEWAL' as const };
    const r = await runExport(t.desk.db, t.reviewer, { format: 'xlsx', lang: 'ar', query }, file, t.clock.now());
    const expected = (await queueRows(t.desk.db, t.reviewer, query).execute()) as ExportSource[];
    expect(r.rows).toBe(expected.length);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(expected.length + 1);
    const cols = columnsFor(['reviewer']);
    const at = (key: string) => cols.findIndex((c) => c.key === key) + 1;
    for (const [i, e] of expected.entries()) {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(at('reference')).value).toBe(e.reference);
      expect(row.getCell(at('nameAr')).value).toBe(e.name_ar);
      expect(row.getCell(at('submitted')).value).toBeInstanceOf(Date);
      expect(typeof row.getCell(at('ageDays')).value).toBe('number');
      // Excel never runs a cell as a formula: a mobile number keeps its plus sign.
      expect(row.getCell(at('mobile')).value).toBe(e.mobile);
    }
  });

  it('PDF: a summary table in Arabic that reads back', async () => {
    const t = await setup();
    const file = join(dir, 'list.pdf');
    const query = { queue: 'all' as const, sort: 'age' as const, status: 'submitted' as const };
    await runExport(t.desk.db, t.reviewer, { format: 'pdf', lang: 'ar', query }, file, t.clock.now());
    const expected = (await queueRows(t.desk.db, t.reviewer, query).execute()) as ExportSource[];
    const text = pdfText(readFileSync(file));
    expect(text).toContain(expected[0]!.reference);
    expect(text).toContain(expected[0]!.name_ar.normalize('NFKC'));
    expect(text).toContain('قدمت للهيئة');
  });

  it("PDF: only the table's rows are read, and the audit counts those", async () => {
    const t = await setup();
    const file = join(dir, 'capped.pdf');
    const query = { queue: 'all' as const, sort: 'reference' as const };
    const all = (await queueRows(t.desk.db, t.reviewer, query).execute()) as ExportSource[];
    const cut = 120;
    expect(all.length).toBeGreaterThan(cut);
    const seen: Array<[number, number]> = [];
    const progress = (d: number, n: number) => void seen.push([d, n]);
    const r = await runExport(t.desk.db, t.reviewer, { format: 'pdf', lang: 'en', query }, file, t.clock.now(), progress, undefined, {
      pageSize: 50,
      pdfRows: cut,
    });
    expect(r.rows).toBe(cut);
    expect(seen).toEqual([
      [50, cut],
      [100, cut],
      [cut, cut],
    ]);
    const text = pdfText(readFileSync(file));
    expect(text).toContain(all[cut - 1]!.reference);
    expect(text).not.toContain(all[cut]!.reference);
    expect(text.replace(/\s+/g, ' ')).toContain(`The table shows the first ${cut} of ${all.length} requests`);
    const audit = await t.desk.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'report.export')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toMatchObject({ format: 'pdf', rows: cut });
  });

  it('reads page after page in every order (keyset), the same rows as one query', async () => {
    const t = await setup();
    for (const sort of ['age', 'submitted_desc', 'reference', 'name'] as const) {
      const file = join(dir, `paged-${sort}.csv`);
      const query = { queue: 'all' as const, sort };
      const r = await runExport(t.desk.db, t.reviewer, { format: 'csv', lang: 'en', query }, file, t.clock.now(), () => {}, undefined, {
        pageSize: 7,
      });
      const expected = (await queueRows(t.desk.db, t.reviewer, query).execute()) as ExportSource[];
      expect(r.rows).toBe(expected.length);
      expect(
        parseCsv(readFileSync(file, 'utf8'))
          .slice(1)
          .map((row) => row[0]),
      ).toEqual(expected.map((e) => e.reference));
    }
  });

  it('a cancelled export leaves no file', async () => {
    const t = await setup();
    const file = join(dir, 'cancelled.csv');
    const abort = new AbortController();
    abort.abort();
    await expect(
      runExport(
        t.desk.db,
        t.reviewer,
        { format: 'csv', lang: 'en', query: { queue: 'all', sort: 'age' } },
        file,
        t.clock.now(),
        () => {},
        abort.signal,
      ),
    ).rejects.toThrow(/cancelled/);
    expect(() => statSync(file)).toThrow();
  });
});

describe('100,000 rows', () => {
  it('stream to CSV and XLSX in bounded memory', { timeout: 180_000 }, async () => {
    const source: ExportSource = {
      reference: 'REQ-2026-000001',
      service: 'RENEWAL',
      status: 'submitted',
      submitted_at: '2026-11-01T08:00:00.000Z',
      return_due_at: null,
      name_ar: 'محمد بن عبدالله الشهري',
      name_en: 'Mohammed Abdullah Alshehri',
      id_number: '1012345678',
      nationality: 'SA',
      profession: 'Physician',
      specialty: 'Internal Medicine',
      category: 'consultant',
      email: 'm@example.com',
      mobile: '+966512345678',
      assignee_name: 'Sara',
    };
    for (const format of ['csv', 'xlsx'] as const) {
      const file = join(dir, `big.${format}`);
      const sink = await openSink(format, { file, columns: [...EXPORT_COLUMNS], lang: 'ar', title: 't', footer: 'f', total: 100_000 });
      const base = process.memoryUsage().heapUsed;
      let peak = 0;
      for (let i = 0; i < 100_000; i++) {
        await sink.row(EXPORT_COLUMNS.map((c) => c.value({ ...source, reference: `REQ-2026-${String(i).padStart(6, '0')}` }, 'ar', '2026-11-23')));
        if (i % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      }
      await sink.finish();
      expect(statSync(file).size).toBeGreaterThan(3_000_000);
      // The rows are on disk, not in memory: the heap grows far less than the file.
      expect(peak).toBeLessThan(100 * 1024 * 1024);
    }
  });
});

/** The demo's requests (the seed adds planted integrity signals to the cases asked for): the All queue holds each. */
async function everyRequest(db: DeskDb): Promise<number> {
  const r = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
