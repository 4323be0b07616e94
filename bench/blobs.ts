/**
 * Attachments at real size (#23): a desk on a SQLite file whose attachments live in the folder store,
 * fed a few thousand requests of realistic files (bench/blob-files.ts: PDFs of 0.3–2 MB, JPEGs of
 * ~150 KB, ~1.7 MB a request). Import MB/s; a full backup set, then an incremental one after 100
 * new requests (electron/core/backup-set.ts: the database's online backup plus the blobs added since the
 * previous set); restore time, in place and onto an empty folder; attachment open p95 through the
 * normal path; the stores' own put/get rates (folder; S3 through a local s3rver).
 *
 * Part of `npm run bench` (`--blob-requests N`, or MUMARIS_BENCH_BLOB_REQUESTS; default 1,000: ~1.9 GB and ~6 minutes on a 2-core VM), or alone:
 * `npx tsx bench/blobs.ts [--requests N] [--json]`. Needs ~3× the files' size free in the temp folder.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDesk } from '../electron/core/desk/open-desk';
import { fixedClock } from '../electron/core/time/testing/fixed-clock';
import { createHandlers } from '../electron/core/handlers';
import { createDispatch } from '../electron/core/dispatch';
import { createUser, signIn } from '../electron/core/auth/users';
import { currentPolicy } from '../electron/core/policy/current-policy';
import { importBundles } from '../electron/core/intake/import-batch';
import { goodRequestJson, writeFolder } from '../electron/core/intake/testing/request-bundles';
import { withCheckDigit } from '../electron/core/identity/national-id';
import { fileForLink } from '../electron/core/files/attachment-file';
import type { BlobStore } from '../electron/core/blobs/blob-store';
import { createS3Store } from '../electron/core/blobs/s3-store';
import { startTestS3Server } from '../electron/core/blobs/testing/s3-server';
import { folderStore } from '../electron/core/blobs/folder-store';
import { readManifest, restoreBackup, type SetManifest } from '../electron/core/backups/backup-set';
import { runBackup } from '../electron/core/backups/scheduled-backups';
import { scannedLetterPdf, photoMaker, seeded } from './blob-files';
import { time } from './stats';

export const DEFAULT_BLOB_REQUESTS = 1000;
/** Requests imported between the full and the incremental backup. */
const LATER = 100;
const NOW = '2026-11-23T09:00:00.000Z';
const MB = 1_000_000;
const PASSWORD = 'bench-password-not-a-secret';

type Budget = { limitMs?: number; minPerSecond?: number; met: boolean };
export interface BlobBench {
  entries: Record<string, unknown>;
  budgets: Record<string, Budget>;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const rate = (bytes: number, ms: number) => round(bytes / MB / (ms / 1000));

/** Writes the bundles `from`..`to`-1 under `root` as the portal would drop them; returns their folders and bytes. */
function writeBundles(root: string, from: number, to: number, photo: (seed: number, label: string) => Uint8Array) {
  const paths: string[] = [];
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const size = seeded(0x5eed + i);
    const files = {
      // A scanned employer letter of 0.3–2 MB, a work certificate of 0.3–0.6 MB, a photo of ~150 KB.
      'files/letter.pdf': scannedLetterPdf(2 * i + 1, 300_000 + (size() % 1_700_001), `Employer letter, request ${i}`),
      'files/work.pdf': scannedLetterPdf(2 * i + 2, 300_000 + (size() % 300_001), `Work certificate, request ${i}`),
      'files/photo.jpg': photo(i, `applicant ${i}`),
    };
    for (const f of Object.values(files)) bytes += f.length;
    const request = goodRequestJson({ applicant: { ...goodRequestJson().applicant, idNumber: withCheckDigit(`1${String(i).padStart(8, '0')}`) } });
    paths.push(writeFolder(request, files, root, `b${i}`));
  }
  return { paths, bytes };
}

/** put and get MB/s of a store over `blobs` (each put then read back, hash checked). */
async function storeRates(store: BlobStore, blobs: { sha256: string; bytes: Uint8Array; mime: string }[]) {
  const total = blobs.reduce((n, b) => n + b.bytes.length, 0);
  const p0 = performance.now();
  for (const b of blobs) await store.put(b.sha256, b.bytes, b.mime);
  const putMs = performance.now() - p0;
  const g0 = performance.now();
  for (const b of blobs) await store.get(b.sha256);
  const getMs = performance.now() - g0;
  return { files: blobs.length, MB: round(total / MB), putMBps: rate(total, putMs), getMBps: rate(total, getMs) };
}

export async function benchBlobs(opts: { requests: number; log: (line: string) => void; keep?: boolean }): Promise<BlobBench> {
  const { requests, log } = opts;
  const entries: Record<string, unknown> = {};
  const budgets: Record<string, Budget> = {};
  const root = mkdtempSync(join(tmpdir(), 'desk-bench-blobs-'));
  try {
    log(`attachments at real size: writing ${requests} + ${LATER} request bundles…`);
    const photo = photoMaker();
    const g0 = performance.now();
    const first = writeBundles(join(root, 'bundles'), 0, requests, photo);
    const later = writeBundles(join(root, 'bundles'), requests, requests + LATER, photo);
    log(`  ${round((first.bytes + later.bytes) / MB)} MB of files in ${round((performance.now() - g0) / 1000)} s`);

    const clock = fixedClock(NOW);
    const deskFolder = join(root, 'desk');
    const databaseFile = join(deskFolder, 'desk.sqlite');
    const backups = join(deskFolder, 'backups');
    let desk = await openDesk(databaseFile, { clock, cardKeyFile: join(deskFolder, 'desk.card-signing-key.pem') });
    let attachments = 0;
    let attachmentBlobs = 0;
    let lastSet = '';
    try {
      const { policy } = await currentPolicy(desk.db, NOW);
      const importAll = async (paths: string[]) => {
        const imported = await importBundles(desk.db, clock, policy, paths, undefined, desk.blobs);
        const refused = imported.filter((r) => !r.ok);
        if (refused.length) throw new Error(`${refused.length} bundles refused, e.g. ${JSON.stringify(refused[0])}`);
      };
      log(`importing ${requests} into the ${desk.blobs.kind} store…`);
      const i0 = performance.now();
      await importAll(first.paths);
      const importMs = performance.now() - i0;
      entries['blobs.import'] = {
        store: desk.blobs.kind,
        requests,
        files: requests * 3,
        MB: round(first.bytes / MB),
        ms: Math.round(importMs),
        MBperSecond: rate(first.bytes, importMs),
        requestsPerSecond: round((requests / importMs) * 1000),
        databaseMB: round(statSync(databaseFile).size / MB, 2),
      };

      log('a full backup set, then 100 new requests and an incremental one…');
      const set = (m: SetManifest, ms: number) => ({
        ms: Math.round(ms),
        blobs: m.blobs,
        added: m.added,
        shared: m.shared,
        addedMB: round(m.addedBytes / MB),
        databaseMB: round(m.databaseBytes / MB, 2),
      });
      // The scheduled backup's own path (backups/scheduled-backups.ts runBackup: a checkpoint, the set, pruning, the audit entry).
      const backup = async (at: string) => {
        clock.set(at);
        const t0 = performance.now();
        const [newest] = await runBackup(desk, backups, 14, null);
        const ms = performance.now() - t0;
        const manifest = newest && readManifest(newest.file);
        if (!manifest) throw new Error(`no backup set written in ${backups}`);
        return { manifest, ms, dir: newest.file };
      };
      const full = await backup('2026-11-23T09:00:00.000Z');
      entries['blobs.backup.full'] = set(full.manifest, full.ms);
      await importAll(later.paths);
      const second = await backup('2026-11-23T17:00:00.000Z');
      const incremental = second.manifest;
      const incrementalMs = second.ms;
      lastSet = second.dir;
      entries['blobs.backup.incremental'] = { ...set(incremental, incrementalMs), newRequests: LATER, newFilesMB: round(later.bytes / MB) };
      // The judged figure: the second backup of the day takes seconds and holds only the new files.
      budgets['blobs.backup.incremental'] = {
        limitMs: 10_000,
        met: incrementalMs < 10_000 && incremental.added === LATER * 3 && incremental.addedBytes === later.bytes,
      };

      log('attachment open p95 (attachments.open, then the file link, bytes hash-checked)…');
      await createUser(desk.db, clock, { username: 'bench-reviewer', displayName: 'Bench reviewer', password: PASSWORD, roles: ['reviewer'] }, null);
      const reviewer = await signIn(desk.db, clock, 'bench-reviewer', PASSWORD);
      const dispatch = createDispatch(createHandlers(desk), desk, () => undefined);
      const ids = (await desk.db.selectFrom('attachments').select('id').orderBy('id').execute()).map((r) => r.id);
      attachments = ids.length;
      attachmentBlobs = Number(
        (
          await desk.db
            .selectFrom('attachment_blobs')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      let openedBytes = 0;
      const open = await time(200, 10, async (i) => {
        const r = await dispatch('attachments.open', { id: ids[(i * 7919) % ids.length]! }, reviewer.token);
        if (!r.ok) throw new Error(`attachments.open: ${r.error.message}`);
        const file = await fileForLink(desk, (r.value as { url: string }).url, reviewer.token);
        if (!file) throw new Error('the file link opened nothing');
        openedBytes += file.bytes.length;
      });
      entries['blobs.open'] = { ...open, meanKB: Math.round(openedBytes / 210 / 1000) };
      // Up to 2 MB read and hashed, then handed to the viewer: 100 ms is still "at once" (a loaded 2-core VM measured 8–65 ms).
      budgets['blobs.open'] = { limitMs: 100, met: open.p95Ms < 100 };

      // The stores on their own, over the same kind of files (a sample of 120, ~70 MB).
      const sample = await desk.db.selectFrom('attachment_blobs').select(['sha256', 'mime']).orderBy('sha256').limit(120).execute();
      const blobs = await Promise.all(sample.map(async (r) => ({ ...r, bytes: await desk.blobs.get(r.sha256) })));
      log('the folder store and the S3 store (a local s3rver) on their own…');
      entries['blobs.store.folder'] = await storeRates(folderStore(join(root, 'folder-only')), blobs);
      const s3 = await startTestS3Server('bench-attachments');
      const s3Store = createS3Store(s3.settings());
      try {
        entries['blobs.store.s3rver'] = {
          ...(await storeRates(s3Store, blobs)),
          note: 'a local s3rver: the client plus a test server, not a real S3',
        };
      } finally {
        s3Store.close();
        await s3.dispose();
      }
    } finally {
      await desk.close();
    }

    log('restores: in place (the database lost, its blob folder kept), then onto an empty folder…');
    const r0 = performance.now();
    await restoreBackup(lastSet, databaseFile);
    const inPlaceMs = performance.now() - r0;
    desk = await openDesk(databaseFile, { clock, cardKeyFile: join(deskFolder, 'desk.card-signing-key.pem') });
    const back = Number(
      (
        await desk.db
          .selectFrom('attachments')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await desk.close();
    if (back !== attachments) throw new Error(`restored ${back} attachments, expected ${attachments}`);
    const r1 = performance.now();
    await restoreBackup(lastSet, join(root, 'elsewhere', 'desk.sqlite'));
    const freshMs = performance.now() - r1;
    entries['blobs.restore'] = {
      blobs: attachmentBlobs,
      MB: round((first.bytes + later.bytes) / MB),
      inPlaceMs: Math.round(inPlaceMs),
      emptyFolderMs: Math.round(freshMs),
      emptyFolderMBperSecond: rate(first.bytes + later.bytes, freshMs),
    };
  } finally {
    if (!opts.keep) rmSync(root, { recursive: true, force: true });
    else log(`kept ${root}`);
  }
  return { entries, budgets };
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: process.env.MUMARIS_BENCH_BLOB_REQUESTS ?? String(DEFAULT_BLOB_REQUESTS) },
      json: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const log = (line: string) => values.json || console.error(line);
  benchBlobs({ requests: Number(values.requests), log, keep: values.keep }).then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
      if (Object.values(r.budgets).some((b) => !b.met)) process.exitCode = 1;
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
