import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DeskDb } from '../db/connection';
import type { ExportJobView, UserInfo } from '../../../shared/domain';
import type { FileTickets } from '../files/tickets';
import { notFound } from '../errors';
import { ExportCancelled, runExport, type ExportSpec } from './export';
import { createPrivateFile, exportsFolder } from '../files/private-files';

const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
/**
 * An export holds applicants' data: it is written to its user's own folder (0700, files 0600,
 * files/private-files.ts), removed once downloaded (files/attachment-file.ts), and whatever was
 * never downloaded is removed after its link has expired.
 */
const KEEP_MS = 30 * 60_000;

interface Job extends ExportJobView {
  userId: number;
  abort: AbortController;
}

/**
 * Exports run in the background of the main process, page by page, so the desk stays responsive;
 * the app polls their progress, can cancel them, and opens the file when it is written.
 */
export function createExportJobs(db: DeskDb, tickets: FileTickets, now: () => Date) {
  const jobs = new Map<string, Job>();
  const view = ({ userId: _u, abort: _a, ...v }: Job): ExportJobView => v;
  const own = (id: string, user: UserInfo): Job => {
    const job = jobs.get(id);
    if (!job || job.userId !== user.id) throw notFound(`export ${id}`, `التصدير ${id}`);
    return job;
  };
  return {
    /** `session`: the caller's session, whose file link the finished export is (it ends with the session). */
    start(user: UserInfo, spec: ExportSpec, session: string): ExportJobView {
      const folder = exportsFolder(user.id);
      sweepOld(folder);
      const id = randomBytes(9).toString('base64url');
      const stamp = now().toISOString().slice(0, 10);
      const fileName = `${spec.query.queue}-${stamp}.${spec.format}`;
      const file = join(folder, `${id}-${fileName}`);
      createPrivateFile(file);
      const job: Job = {
        id,
        state: 'running',
        done: 0,
        total: null,
        fileName,
        url: null,
        error: null,
        userId: user.id,
        abort: new AbortController(),
      };
      jobs.set(id, job);
      runExport(db, user, spec, file, now(), (done, total) => Object.assign(job, { done, total }), job.abort.signal).then(
        ({ rows }) => {
          job.state = 'done';
          job.done = rows;
          job.total = rows;
          job.url = `/files/${tickets.issueGenerated({ path: file, mime: MIME[spec.format], fileName, removeAfterRead: true }, session)}`;
        },
        (e: unknown) => {
          rmSync(file, { force: true });
          job.state = e instanceof ExportCancelled ? 'cancelled' : 'failed';
          job.error = e instanceof ExportCancelled ? null : e instanceof Error ? e.message : String(e);
        },
      );
      return view(job);
    },
    status: (user: UserInfo, id: string): ExportJobView => view(own(id, user)),
    cancel(user: UserInfo, id: string): ExportJobView {
      const job = own(id, user);
      job.abort.abort();
      return view(job);
    },
  };
}

export type ExportJobs = ReturnType<typeof createExportJobs>;

/** Exports never downloaded, of every user of this account, once their links have expired. */
function sweepOld(userFolder: string): void {
  const base = dirname(userFolder);
  for (const name of readdirSync(base).flatMap((d) => (d.startsWith('user-') ? readdirSync(join(base, d)).map((f) => join(d, f)) : []))) {
    const f = join(base, name);
    try {
      if (Date.now() - statSync(f).mtimeMs > KEEP_MS) rmSync(f, { force: true });
    } catch {
      // Another desk removed it first.
    }
  }
}
