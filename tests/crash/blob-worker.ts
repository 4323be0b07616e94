/**
 * Run by blobs-crash.test.ts, which kills it with SIGKILL. `import DB`: imports bundles of files of
 * their own into the desk's folder store until killed. `migrate DB`: moves the blobs out of the
 * database, two per batch, saying each batch.
 */
import { mkdtempSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomInt } from 'node:crypto';
import { openDesk } from '../../electron/core/desk/open-desk';
import { importBundles } from '../../electron/core/intake/import-batch';
import { currentPolicy } from '../../electron/core/policy/current-policy';
import { GOOD_FILES, JPEG, goodRequestJson, writeFolder } from '../../electron/core/intake/testing/request-bundles';
import { withCheckDigit } from '../../electron/core/identity/national-id';
import { moveBlobsOut } from '../../electron/core/blobs/move-out';
import type { BlobStore } from '../../electron/core/blobs/blob-store';

export function uniqueBundle(root: string, name: string): string {
  // Files of their own (distinct hashes), large enough that writing them takes a moment.
  const pdf = new Uint8Array([...new TextEncoder().encode('%PDF-1.4\n% '), ...randomBytes(48_000), ...new TextEncoder().encode('\n%%EOF\n')]);
  const jpeg = new Uint8Array([...JPEG, ...randomBytes(30_000)]);
  const idNumber = withCheckDigit(`1${String(randomInt(10 ** 8)).padStart(8, '0')}`);
  return writeFolder(
    goodRequestJson({ applicant: { ...goodRequestJson().applicant, idNumber } }),
    { ...GOOD_FILES, 'files/letter.pdf': pdf, 'files/photo.jpg': jpeg },
    root,
    name,
  );
}

async function main() {
  const [mode, db] = process.argv.slice(2);
  const desk = await openDesk(db!);
  if (mode === 'migrate') {
    await moveBlobsOut(desk.db, desk.blobs, { batch: 2, vacuum: false, onProgress: (p) => process.stdout.write(`batch ${p.moved}\n`) });
    process.stdout.write('done\n');
    await desk.close();
    return;
  }
  const { policy } = await currentPolicy(desk.db, desk.clock.now().toISOString());
  // Says each blob as soon as it is durable, so the test can kill between the put and the commit that names it.
  const store = desk.blobs;
  const blobs: BlobStore = {
    ...store,
    kind: store.kind,
    list: () => store.list(),
    put: async (sha, bytes, mime) => {
      await store.put(sha, bytes, mime);
      writeSync(1, `put ${sha}\n`);
    },
  };
  const root = mkdtempSync(join(tmpdir(), 'blob-crash-bundles-'));
  for (let round = 0; ; round++) {
    const paths = Array.from({ length: 3 }, (_, k) => uniqueBundle(root, `r${round}-${k}-${randomBytes(3).toString('hex')}`));
    await importBundles(desk.db, desk.clock, policy, paths, undefined, blobs);
    process.stdout.write(`round ${round}\n`);
  }
}

if (process.argv[1]?.endsWith('blob-worker.ts')) void main();
