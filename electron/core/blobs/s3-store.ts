import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';
import { DeskFault } from '../errors';
import { assertSha256, BlobCorruptError, BlobMissingError, type BlobStore, type StoredBlob } from './blob-store';
import { describeS3, type S3Settings } from './s3-settings';

export interface S3StoreOptions {
  /** Attempts per call, the first included (default 3; the SDK retries with backoff on throttling, 5xx and network errors). */
  maxAttempts?: number;
  /**
   * Milliseconds to open a connection (default 5 s), and from sending a request to its answer's first
   * bytes, upload included (default 30 s: a 20 MB attachment, the policy's largest, at 0.7 MB/s).
   */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Objects per listing page (S3's most and default is 1,000; tests page with fewer). */
  listPageSize?: number;
}

export interface S3BlobStore extends BlobStore {
  readonly kind: 's3';
  readonly settings: S3Settings;
  /** Ends the client's kept-alive connections (a desk closing, a test ending). */
  close(): void;
}

/** Object keys fan out like git's objects, so no listing or console page ever holds millions of names at one level. */
export const s3KeyFor = (sha256: string) => `blobs/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
const KEY = /^blobs\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** Attachments in an S3-compatible bucket, each object named by the SHA-256 of its bytes. */
export function createS3Store(settings: S3Settings, opts: S3StoreOptions = {}): S3BlobStore {
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    ...(settings.accessKeyId && settings.secretAccessKey
      ? {
          credentials: {
            accessKeyId: settings.accessKeyId,
            secretAccessKey: settings.secretAccessKey,
            ...(settings.sessionToken ? { sessionToken: settings.sessionToken } : {}),
          },
        }
      : {}),
    maxAttempts: opts.maxAttempts ?? 3,
    requestHandler: {
      connectionTimeout: opts.connectionTimeoutMs ?? 5_000,
      requestTimeout: opts.requestTimeoutMs ?? 30_000,
      // Without it the SDK only warns when the time is up and keeps waiting.
      throwOnRequestTimeout: true,
    },
    // Self-hosted servers (older MinIO, Ceph RGW, s3rver) may refuse the SDK's newer default CRC32 headers;
    // those get Content-MD5 instead, which every S3 server checks. Reads are checked by our own hash anyway.
    ...(settings.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED' as const, responseChecksumValidation: 'WHEN_REQUIRED' as const } : {}),
  });
  const where = describeS3(settings);
  const Bucket = settings.bucket;

  /** A failure that says which bucket, server and object, and what the server (or the network) answered. */
  const failed = (op: string, key: string, e: unknown): DeskFault => {
    const status = e instanceof S3ServiceException ? ` (HTTP ${e.$metadata.httpStatusCode ?? '?'})` : '';
    const code = (e as { code?: string }).code;
    const reason = `${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}${code && !(e instanceof Error && e.message.includes(code)) ? ` [${code}]` : ''}`;
    return new DeskFault(
      'internal',
      `the attachment store ${where} failed: ${op} ${key}${status}: ${reason}`,
      `تعذّر الوصول إلى مخزن المرفقات ${where} (${op} ${key})`,
    );
  };
  const isNotFound = (e: unknown) =>
    e instanceof S3ServiceException && (e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata.httpStatusCode === 404);

  return {
    kind: 's3',
    settings,

    async put(sha256, bytes, mime) {
      assertSha256(sha256);
      // The store's one promise is that a name is the hash of its bytes: a caller's mistake must not break it.
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha256) throw new Error(`S3 store: put(${sha256}) was given bytes that hash to ${actual}`);
      const key = s3KeyFor(sha256);
      const input: PutObjectCommandInput = {
        Bucket,
        Key: key,
        Body: bytes,
        ContentType: mime,
        ContentLength: bytes.byteLength,
        ...(settings.serverSideEncryption === 'AES256' ? { ServerSideEncryption: 'AES256' as const } : {}),
        // AWS checks the SHA-256 we already have (free); elsewhere Content-MD5, the check every S3 server knows.
        ...(settings.endpoint
          ? { ContentMD5: createHash('md5').update(bytes).digest('base64') }
          : { ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64') }),
      };
      try {
        await client.send(new PutObjectCommand(input));
      } catch (e) {
        throw failed('PutObject', key, e);
      }
    },

    async get(sha256) {
      assertSha256(sha256);
      const key = s3KeyFor(sha256);
      let bytes: Uint8Array;
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!out.Body) throw new Error('the answer has no body');
        bytes = await out.Body.transformToByteArray();
      } catch (e) {
        if (isNotFound(e)) throw new BlobMissingError(sha256, `${where}, ${key}`);
        throw failed('GetObject', key, e);
      }
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha256) throw new BlobCorruptError(sha256, actual, `${where}, ${key}`);
      return bytes;
    },

    async has(sha256) {
      assertSha256(sha256);
      const key = s3KeyFor(sha256);
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch (e) {
        if (isNotFound(e)) return false;
        throw failed('HeadObject', key, e);
      }
    },

    async delete(sha256) {
      assertSha256(sha256);
      const key = s3KeyFor(sha256);
      try {
        // S3 answers 204 whether or not the object was there: deleting twice is fine.
        await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
      } catch (e) {
        throw failed('DeleteObject', key, e);
      }
    },

    async *list(): AsyncIterable<StoredBlob> {
      let ContinuationToken: string | undefined;
      do {
        let page;
        try {
          page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: 'blobs/', ContinuationToken, MaxKeys: opts.listPageSize }));
        } catch (e) {
          throw failed('ListObjectsV2', 'blobs/', e);
        }
        for (const o of page.Contents ?? []) {
          const m = o.Key ? KEY.exec(o.Key) : null;
          // Only our own names: anything else in the bucket (a half-finished upload tool, a person's file) is not a blob of ours.
          if (!m || m[1] !== m[3]!.slice(0, 2) || m[2] !== m[3]!.slice(2, 4)) continue;
          yield { sha256: m[3]!, storedAt: o.LastModified ?? null, size: o.Size ?? 0 };
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },

    close() {
      client.destroy();
    },
  };
}
