/** Report entries: CSV and XLSX exports of every request (time and peak memory), the dashboard's figures. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Desk } from '../electron/core/desk/open-desk';
import type { UserInfo } from '../shared/domain';
import { runExport } from '../electron/core/reports/export';
import { dashboardFigures } from '../electron/core/reports/dashboard';
import { time } from './stats';

const MiB = 2 ** 20;

/** Runs `fn` while sampling the process's memory every 20 ms; peak figures are above the level at the start. */
async function withPeakMemory<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peakRssMiB: number; peakHeapMiB: number }> {
  const base = process.memoryUsage();
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss - base.rss);
    heap = Math.max(heap, m.heapUsed - base.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const t0 = performance.now();
  try {
    const result = await fn();
    sample();
    return { result, ms: Math.round(performance.now() - t0), peakRssMiB: Math.round(rss / MiB), peakHeapMiB: Math.round(heap / MiB) };
  } finally {
    clearInterval(timer);
  }
}

export async function benchReports(desk: Desk, user: UserInfo, now: Date, log: (line: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-export-'));
  const entries: Record<string, unknown> = {};
  for (const format of ['csv', 'xlsx'] as const) {
    log(`${format.toUpperCase()} export of every request…`);
    const file = join(dir, `all.${format}`);
    const r = await withPeakMemory(() => runExport(desk.db, user, { format, lang: 'ar', query: { queue: 'all', sort: 'age' } }, file, now));
    entries[`export.${format}.all`] = {
      rows: r.result.rows,
      ms: r.ms,
      fileMiB: Math.round((statSync(file).size / MiB) * 10) / 10,
      peakRssMiB: r.peakRssMiB,
      peakHeapMiB: r.peakHeapMiB,
    };
  }
  rmSync(dir, { recursive: true, force: true });
  log('dashboard figures…');
  entries['dashboard.30days'] = await time(10, 2, () => dashboardFigures(desk.db, {}, now));
  entries['dashboard.year'] = await time(10, 2, () => dashboardFigures(desk.db, { from: '2025-11-24', to: '2026-11-23' }, now));
  return entries;
}
