/** A demo request's attachments: the plan's documents from the shared pool (made its own), and a resubmitted request's second version. */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Service, Status } from '../../../shared/domain';
import type { BlobStore } from '../blobs/blob-store';
import { putBeforeCommit, recordBlob } from '../blobs/attachment-blobs';
import type { SeededRandom } from './random';
import type { DemoFilePool } from './attachment-files';
import type { DemoFile } from './demo-file';
import { demoAttachments } from './attachment-plan';
import { ownPdf, ownPhoto } from './own-files';
import { demoEmployerLetter } from './ocr-letters';
import { resubmittedVersion } from './resubmitted-file';

type Trx = Transaction<Database>;

/** What every request of one seed shares: the file pool, and the files already in the blob store. */
export interface AttachmentSeedContext {
  blobs: BlobStore;
  /** A pool file goes into the store the first time a request uses it, before the transaction naming it commits. */
  stored: Set<string>;
  files: DemoFilePool;
  rng: SeededRandom;
  seed: number;
}

export interface AttachmentSeed {
  requestId: number;
  /** The request's number in the seed: each request's files differ from every other's. */
  n: number;
  service: Service;
  status: Status;
  resident: boolean;
  aged: boolean;
  submittedDay: string;
  submittedAt: string;
}

export async function seedAttachments(trx: Trx, c: AttachmentSeedContext, r: AttachmentSeed): Promise<void> {
  let resubmitted: { kind: string; first: DemoFile } | null = null;
  const plan = demoAttachments(c.rng, r.service, { resident: r.resident, aged: r.aged, internship: true, submittedDay: r.submittedDay });
  for (const a of plan) {
    const f =
      a.kind === 'photo'
        ? ownPhoto(r.n, c.files.photo().fileName)
        : a.kind === 'employer_letter' && a.issuedAt
          ? await demoEmployerLetter(c.seed, r.n, a.issuedAt)
          : ownPdf(c.files.letter(a.kind), r.n, r.submittedAt);
    if (!resubmitted && a.kind !== 'photo' && a.kind !== 'employer_letter') resubmitted = { kind: a.kind, first: f };
    await attach(trx, c, r.requestId, f, {
      kind: a.kind,
      version: 1,
      issuedAt: a.issuedAt ?? null,
      certified: a.kind === 'bachelor_certificate' ? 1 : null,
      uploadedAt: r.submittedAt,
    });
  }
  // A resubmitted request came back with a new version of a document (round 2): the viewer sets it beside the first.
  if (r.status === 'resubmitted' && resubmitted) {
    const resubmittedAt = new Date(Date.parse(r.submittedAt) + 5 * 86_400_000).toISOString();
    const f = await resubmittedVersion(resubmitted.first, resubmittedAt);
    await attach(trx, c, r.requestId, f, { kind: resubmitted.kind, version: 2, issuedAt: null, certified: null, uploadedAt: resubmittedAt });
  }
}

/** Stores the file's bytes (once per seed) and records it as the request's attachment. */
async function attach(
  trx: Trx,
  c: AttachmentSeedContext,
  requestId: number,
  f: DemoFile,
  a: { kind: string; version: number; issuedAt: string | null; certified: number | null; uploadedAt: string },
): Promise<void> {
  if (!c.stored.has(f.sha256)) await putBeforeCommit(c.blobs, [f]);
  c.stored.add(f.sha256);
  await recordBlob(trx, c.blobs, f);
  await trx
    .insertInto('attachments')
    .values({
      request_id: requestId,
      kind: a.kind,
      file_name: f.fileName,
      sha256: f.sha256,
      version: a.version,
      issued_at: a.issuedAt,
      certified: a.certified,
      uploaded_at: a.uploadedAt,
    })
    .execute();
}
