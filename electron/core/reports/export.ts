import { rmSync } from 'node:fs';
import type { DeskDb } from '../db/connection';
import type { UserInfo } from '../../../shared/domain';
import { queueRowsAfter, queueTotal, type QueueCursor, type QueueQuery } from '../cases/queues';
import { riyadhDate } from '../time/riyadh-day';
import { appendAudit } from '../audit/chain';
import { columnsFor, type ExportSource } from './export-columns';
import { openSink, type ExportFormat } from './export-sinks';

export interface ExportSpec {
  format: ExportFormat;
  lang: 'ar' | 'en';
  query: Omit<QueueQuery, 'offset' | 'limit'>;
}

/** Rows are read in pages this size: each page is one quick query, and other calls run between pages. */
const PAGE = 5_000;

export class ExportCancelled extends Error {
  constructor() {
    super('the export was cancelled');
  }
}

/**
 * Writes a queue view (queue, filters, search, order) to `file` in the user's language, with only
 * the columns the user's roles may see. The file is removed if the export fails or is cancelled.
 */
export async function runExport(
  db: DeskDb,
  user: UserInfo,
  spec: ExportSpec,
  file: string,
  now: Date,
  progress: (done: number, total: number) => void = () => {},
  signal?: AbortSignal,
  /** Tests: smaller pages, and a PDF cut at fewer rows than PDF_ROWS. */
  { pageSize = PAGE, pdfRows }: { pageSize?: number; pdfRows?: number } = {},
): Promise<{ rows: number }> {
  const total = await queueTotal(db, user, spec.query);
  const columns = columnsFor(user.roles);
  const today = riyadhDate(now);
  const ar = spec.lang === 'ar';
  const title = ar ? `تصدير الطلبات — ${today}` : `Requests export — ${today}`;
  const footer = ar
    ? `صدّره ${user.displayName} في ${now.toISOString().slice(0, 16).replace('T', ' ')}`
    : `Exported by ${user.displayName} on ${now.toISOString().slice(0, 16).replace('T', ' ')}`;
  const sink = await openSink(spec.format, { file, columns, lang: spec.lang, title, footer, total, pdfRows });
  let done = 0;
  // A PDF's table takes the first PDF_ROWS (export-sinks.ts): the rest are neither read nor counted as exported.
  const takes = sink.takes ?? Infinity;
  const wanted = Math.min(total, takes);
  try {
    let after: QueueCursor | null = null;
    for (;;) {
      if (signal?.aborted) throw new ExportCancelled();
      const limit = Math.min(pageSize, takes - done);
      const page = await queueRowsAfter(db, user, spec.query, after).limit(limit).execute();
      for (const r of page) await sink.row(columns.map((c) => c.value(r as ExportSource, spec.lang, today)));
      done += page.length;
      const last = page.at(-1);
      if (last)
        after = { id: last.id, submitted_at: last.submitted_at, reference: last.reference, name_ar: last.name_ar, sla_due_on: last.sla_due_on };
      progress(done, wanted);
      if (page.length < limit || done >= takes) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await sink.finish();
  } catch (e) {
    await sink.finish().catch(() => {});
    rmSync(file, { force: true });
    throw e;
  }
  await appendAudit(db, {
    at: now.toISOString(),
    actorId: user.id > 0 ? user.id : null,
    action: 'report.export',
    entity: 'queue',
    entityId: spec.query.queue,
    data: { format: spec.format, rows: done, filters: { ...spec.query } },
  });
  return { rows: done };
}
