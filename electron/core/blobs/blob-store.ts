import { DeskFault } from '../errors';

/** Which backend holds a blob; also the value of attachment_blobs.stored. */
export type BlobStoreKind = 'database' | 'folder' | 's3';

export const BLOB_STORE_KINDS: readonly BlobStoreKind[] = ['database', 'folder', 's3'];

/** One stored blob as the backend sees it. */
export interface StoredBlob {
  sha256: string;
  /** When the bytes were stored, when the backend knows it (garbage collection's grace period). */
  storedAt: Date | null;
  size: number;
}

/** Where attachment bytes live, addressed by their SHA-256 (lowercase hex). */
export interface BlobStore {
  readonly kind: BlobStoreKind;
  /** Durable when it resolves (folder: temp file, fsync, rename, fsync dir). Idempotent: the same hash twice is fine. */
  put(sha256: string, bytes: Uint8Array, mime: string): Promise<void>;
  /** Reads and checks the hash; throws BlobMissingError / BlobCorruptError naming the hash. */
  get(sha256: string): Promise<Uint8Array>;
  has(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
  /** Every stored hash (garbage collection, backups); with the time it was stored when the backend knows it. */
  list(): AsyncIterable<StoredBlob>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Refuses anything that is not a lowercase hex SHA-256, so a hash can never escape a folder or an object key. */
export function assertSha256(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) {
    throw new DeskFault('bad_input', `sha256: expected 64 lowercase hex characters, got "${sha256.slice(0, 80)}"`, 'بصمة الملف غير صالحة');
  }
}

/** The store has no bytes for this hash. Callers add the request reference and the attachment's file name. */
export class BlobMissingError extends DeskFault {
  constructor(
    readonly sha256: string,
    where?: string,
    whereAr: string | undefined = where,
  ) {
    super(
      'not_found',
      `the attachment's bytes (sha256 ${sha256}) are missing from the store${where ? ` (${where})` : ''}`,
      `محتوى المرفق (البصمة ${sha256}) مفقود من المخزن${whereAr ? ` (${whereAr})` : ''}`,
    );
    this.name = 'BlobMissingError';
  }
}

/** The stored bytes no longer hash to their name: damaged on disk or in transit. */
export class BlobCorruptError extends DeskFault {
  constructor(
    readonly sha256: string,
    readonly actualSha256: string,
    where?: string,
    whereAr: string | undefined = where,
  ) {
    super(
      'internal',
      `the attachment's bytes (sha256 ${sha256}) are damaged: they hash to ${actualSha256}${where ? ` (${where})` : ''}`,
      `محتوى المرفق (البصمة ${sha256}) تالف${whereAr ? ` (${whereAr})` : ''}`,
    );
    this.name = 'BlobCorruptError';
  }
}
