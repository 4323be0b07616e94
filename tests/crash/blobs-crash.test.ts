/**
 * Kill -9 and the blob store: imports into the folder store killed again and again leave no row
 * without its blob (only blobs without a row, which the collector removes after the grace period);
 * the move out of the database killed mid-way and run again loses nothing.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDesk } from '../../electron/core/desk/open-desk';
import { sqliteHandle } from '../../electron/core/db/connection';
import { verifyBlobs } from '../../electron/core/blobs/verify';
import { collectGarbage } from '../../electron/core/blobs/gc';
import { databaseStore } from '../../electron/core/blobs/database-store';
import { importBundles } from '../../electron/core/intake/import-batch';
import { currentPolicy } from '../../electron/core/policy/current-policy';
import { uniqueBundle } from './blob-worker';

const KILLS = Number(process.env.CRASH_KILLS ?? 8);

/** Runs the worker until it has said `word` `after` times, then kills it a few random milliseconds later. */
function runAndKill(args: string[], word: string, after: number): Promise<{ killed: boolean; said: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/crash/blob-worker.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let said = 0;
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      said += (d.toString().match(new RegExp(word, 'g')) ?? []).length;
      if (said >= after) setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 4));
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve({ killed: true, said })
        : code === 0
          ? resolve({ killed: false, said })
          : reject(new Error(`worker failed (${code}): ${err}`)),
    );
  });
}

async function orphans(desk: Awaited<ReturnType<typeof openDesk>>): Promise<number> {
  const named = new Set((await desk.db.selectFrom('attachment_blobs').select('sha256').execute()).map((r) => r.sha256));
  let n = 0;
  for await (const b of desk.blobs.list()) if (!named.has(b.sha256)) n++;
  return n;
}

describe('crash safety of the blob store', () => {
  it(
    `imports into the folder store killed ${KILLS} times: no row without its blob; the collector removes the orphans later`,
    { timeout: 600_000 },
    async () => {
      const db = join(mkdtempSync(join(tmpdir(), 'blob-crash-')), 'desk.sqlite');
      (await openDesk(db)).close();
      // Killed a few milliseconds after a blob is durable: often before the transaction naming it commits.
      for (let i = 0; i < KILLS; i++) await runAndKill(['import', db], 'put', 4 + 5 * (i % 4));

      const desk = await openDesk(db);
      try {
        expect(desk.blobs.kind).toBe('folder');
        expect(sqliteHandle(desk.opened).pragma('integrity_check', { simple: true })).toBe('ok');
        const v = await verifyBlobs(desk.db, desk.blobs);
        expect(v.inStore).toBeGreaterThan(KILLS * 3);
        expect(v.inDatabase).toBe(0);
        expect(v.problems).toEqual([]);
        const left = await orphans(desk);
        console.log(`${v.inStore} blobs named, ${left} orphan(s) left by the kills`);
        // Within the grace period nothing unnamed is touched; after it, exactly the orphans go.
        const now = new Date();
        expect(await collectGarbage(desk.db, desk.blobs, { graceDays: 1, now })).toMatchObject({ removed: 0, young: left });
        const later = await collectGarbage(desk.db, desk.blobs, { graceDays: 1, now: new Date(now.getTime() + 2 * 86_400_000) });
        expect(later.removed).toBe(left);
        expect(await orphans(desk)).toBe(0);
        expect((await verifyBlobs(desk.db, desk.blobs)).problems).toEqual([]);
      } finally {
        await desk.close();
      }
    },
  );

  it('the move out of the database killed mid-way, again and again, then run to the end: every blob moved whole', { timeout: 600_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'blob-move-crash-')), 'desk.sqlite');
    const setup = await openDesk(db);
    // As a desk before the blob stores: the bytes in the database.
    const { policy } = await currentPolicy(setup.db, setup.clock.now().toISOString());
    const root = mkdtempSync(join(tmpdir(), 'blob-move-bundles-'));
    await importBundles(
      setup.db,
      setup.clock,
      policy,
      Array.from({ length: 20 }, (_, i) => uniqueBundle(root, `m${i}`)),
      undefined,
      databaseStore(setup.db),
    );
    const before = await setup.db.selectFrom('attachment_blobs').select(['sha256', 'size']).orderBy('sha256').execute();
    expect(before).toHaveLength(41);
    await setup.close();

    let finished = false;
    for (let i = 0; i < 4 && !finished; i++) finished = !(await runAndKill(['migrate', db], 'batch', 2 + i * 3)).killed;
    const desk = await openDesk(db);
    try {
      const partway = await desk.db.selectFrom('attachment_blobs').select('stored').execute();
      expect(partway.some((r) => r.stored === 'folder')).toBe(true);
      expect((await verifyBlobs(desk.db, desk.blobs)).problems).toEqual([]);
    } finally {
      await desk.close();
    }
    expect((await runAndKill(['migrate', db], 'never said', 1)).killed).toBe(false);

    const after = await openDesk(db);
    try {
      const rows = await after.db.selectFrom('attachment_blobs').select(['sha256', 'size', 'stored', 'data']).orderBy('sha256').execute();
      expect(rows.map((r) => [r.sha256, r.size])).toEqual(before.map((r) => [r.sha256, r.size]));
      expect(rows.every((r) => r.stored === 'folder' && r.data === null)).toBe(true);
      const v = await verifyBlobs(after.db, after.blobs);
      expect(v).toMatchObject({ checked: 41, inStore: 41, problems: [] });
    } finally {
      await after.close();
    }
  });
});
