import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import type { CellValue, ExportColumn } from './export-columns';
import { BOM, csvLine } from '../../../shared/csv';
import { ReportWriter } from '../documents/report-writer';
import { describeDocument } from '../documents/metadata';
import { savePdfA } from '../documents/pdf-a';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

/** Where exported rows go, one at a time, so that memory stays bounded whatever the row count. */
export interface ExportSink {
  row(values: CellValue[]): Promise<void>;
  finish(): Promise<void>;
  /** The most rows it takes (the PDF's table); the rest are not read. */
  readonly takes?: number;
}

export interface SinkOptions {
  file: string;
  columns: ExportColumn[];
  lang: 'ar' | 'en';
  title: string;
  /** For the PDF: who and when, and the whole count (its table is cut at PDF_ROWS). */
  footer: string;
  total: number;
  /** The PDF's cut, PDF_ROWS unless a test asks fewer. */
  pdfRows?: number;
}

/** A PDF is for reading: past this many rows it says so and points to CSV or Excel. */
export const PDF_ROWS = 2_000;

export async function openSink(format: ExportFormat, o: SinkOptions): Promise<ExportSink> {
  if (format === 'csv') return csvSink(o);
  if (format === 'xlsx') return xlsxSink(o);
  return pdfSink(o);
}

async function write(out: WriteStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

async function csvSink(o: SinkOptions): Promise<ExportSink> {
  const out = createWriteStream(o.file, { encoding: 'utf8' });
  await write(out, BOM + csvLine(o.columns.map((c) => c.title[o.lang])));
  // Rows are written in batches: one stream write per row costs more than the row itself.
  let batch = '';
  let n = 0;
  return {
    row: async (values) => {
      batch += csvLine(values);
      if (++n % 1_000 === 0) {
        await write(out, batch);
        batch = '';
      }
    },
    finish: async () => {
      if (batch) await write(out, batch);
      out.end();
      await once(out, 'finish');
    },
  };
}

async function xlsxSink(o: SinkOptions): Promise<ExportSink> {
  // The streaming writer commits each row to the file: 100,000 rows never sit in memory.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: o.file, useStyles: true, useSharedStrings: false });
  book.creator = 'Mumaris Review Desk';
  book.title = o.title;
  const sheet = book.addWorksheet(o.lang === 'ar' ? 'الطلبات' : 'Requests', {
    views: [{ rightToLeft: o.lang === 'ar', state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = o.columns.map((c) => ({
    header: c.title[o.lang],
    key: c.key,
    width: c.width,
    style: c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.kind === 'number' ? { numFmt: '0' } : {},
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: o.columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  return {
    row: async (values) => {
      sheet.addRow(values).commit();
    },
    finish: async () => {
      sheet.commit();
      await book.commit();
    },
  };
}

async function pdfSink(o: SinkOptions): Promise<ExportSink> {
  const rows: string[][] = [];
  const cut = o.pdfRows ?? PDF_ROWS;
  const text = (v: CellValue) => (v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  // A landscape page holds these; the rest are in the CSV and Excel exports.
  const keep = ['reference', 'service', 'status', 'submitted', 'ageDays', o.lang === 'ar' ? 'nameAr' : 'nameEn', 'idNumber', 'assignee'];
  const picked = o.columns.map((c, i) => [c, i] as const).filter(([c]) => keep.includes(c.key));
  return {
    takes: cut,
    row: async (values) => {
      if (rows.length < cut) rows.push(picked.map(([, i]) => text(values[i] ?? null)));
    },
    finish: async () => {
      const doc = await PDFDocument.create();
      describeDocument(doc, { title: o.title, subject: 'Export' });
      const w = await ReportWriter.create(doc, o.lang, true);
      const ar = o.lang === 'ar';
      w.title(o.title, ar ? `${o.total} طلب` : `${o.total} requests`);
      if (o.total > rows.length)
        w.paragraph(
          ar
            ? `يعرض الجدول أول ${rows.length} طلب من ${o.total}؛ صدّر بصيغة CSV أو Excel لكل الطلبات.`
            : `The table shows the first ${rows.length} of ${o.total} requests; export CSV or Excel for all of them.`,
          { muted: true },
        );
      w.table(
        picked.map(([c]) => ({ title: c.title[o.lang], width: c.width, ltr: ['reference', 'submitted', 'idNumber'].includes(c.key) })),
        rows,
        { size: 7.5 },
      );
      w.finish(o.footer);
      await writeFile(o.file, await savePdfA(doc));
    },
  };
}
