import type { DeskDb } from '../db/connection';
import type { Clock } from '../time/clock';
import type { Policy } from '../../../shared/domain/policy';
import { BundleError, type BundleProblem } from './bundle-error';
import { readBundle, readZipBytes } from './read-bundle';
import { validateBundle } from './validate-bundle';
import { importBundle, type ImportResult } from './import-bundle';
import { basename } from 'node:path';
import { appendAudit } from '../audit/chain';
import type { BlobStore } from '../blobs/blob-store';

export type BundleOutcome = ({ ok: true } & ImportResult) | { ok: false; bundle: string; problems: BundleProblem[] };

/** Imports bundles one by one: a bad bundle is reported and the batch goes on. */
export const bundleLimits = (policy: Policy) => ({ maxFileBytes: policy.maxAttachmentBytes, maxBundleBytes: 10 * policy.maxAttachmentBytes });

/**
 * A refused bundle leaves an audit entry (who tried to import what, and why it was refused), in a
 * transaction of its own: nothing of the bundle itself is written.
 */
async function recordRefusal(db: DeskDb, clock: Clock, actorId: number | null, refused: { bundle: string; problems: BundleProblem[] }) {
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: clock.now().toISOString(),
      actorId,
      action: 'intake.refused',
      entity: 'bundle',
      entityId: refused.bundle.slice(0, 255),
      data: {
        problems: refused.problems.length,
        // The first few, shortened: enough to say why, not a copy of a hostile bundle.
        first: refused.problems.slice(0, 10).map((p) => `${p.where}: ${p.message}`.slice(0, 300)),
      },
    }),
  );
}

/** Imports one uploaded zip; its problems come back as the outcome, not as an exception. */
export async function importUploadedZip(
  db: DeskDb,
  clock: Clock,
  policy: Policy,
  name: string,
  data: Uint8Array,
  actorId: number | null = null,
  blobs?: BlobStore,
): Promise<BundleOutcome> {
  try {
    return { ok: true, ...(await importBundle(db, clock, validateBundle(readZipBytes(name, data, bundleLimits(policy))), blobs)) };
  } catch (e) {
    if (!(e instanceof BundleError)) throw e;
    const refused = { bundle: name, problems: e.problems };
    await recordRefusal(db, clock, actorId, refused);
    return { ok: false, ...refused };
  }
}

export async function importBundles(
  db: DeskDb,
  clock: Clock,
  policy: Policy,
  paths: string[],
  onProgress?: (done: number, total: number, last: BundleOutcome) => void,
  blobs?: BlobStore,
): Promise<BundleOutcome[]> {
  const limits = bundleLimits(policy);
  const out: BundleOutcome[] = [];
  for (const path of paths) {
    let outcome: BundleOutcome;
    try {
      outcome = { ok: true, ...(await importBundle(db, clock, validateBundle(await readBundle(path, limits)), blobs)) };
    } catch (e) {
      if (!(e instanceof BundleError)) throw e;
      outcome = { ok: false, bundle: e.bundle || basename(path), problems: e.problems };
      await recordRefusal(db, clock, null, outcome);
    }
    out.push(outcome);
    onProgress?.(out.length, paths.length, outcome);
  }
  return out;
}
