import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DeskFault } from '../errors';
import { BlobCorruptError, BlobMissingError } from './blob-store';
import { createS3Store, s3KeyFor } from './s3-store';
import { startTestS3Server, type TestS3Server } from './testing/s3-server';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const blob = (n = 1000) => {
  const bytes = new Uint8Array(randomBytes(n));
  return { bytes, sha256: sha(bytes) };
};

describe('S3 blob store against a local S3-compatible server (s3rver)', () => {
  let server: TestS3Server;
  let raw: S3Client;
  beforeAll(async () => {
    server = await startTestS3Server();
    raw = new S3Client({
      endpoint: server.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });
  afterAll(async () => {
    raw.destroy();
    await server.dispose();
  });

  it('puts, reads back, answers has, lists and deletes, with server-side encryption asked for', async () => {
    const store = createS3Store(server.settings());
    const a = blob(300_000);
    const b = blob(10);
    expect(await store.has(a.sha256)).toBe(false);
    await store.put(a.sha256, a.bytes, 'application/pdf');
    await store.put(a.sha256, a.bytes, 'application/pdf'); // the same hash twice is fine
    await store.put(b.sha256, b.bytes, 'image/jpeg');
    expect(await store.has(a.sha256)).toBe(true);
    expect(Buffer.from(await store.get(a.sha256)).equals(Buffer.from(a.bytes))).toBe(true);
    // Stored under blobs/ab/cd/<sha256>, with its own type.
    const head = await raw.send(
      new HeadObjectCommand({ Bucket: server.bucket, Key: `blobs/${b.sha256.slice(0, 2)}/${b.sha256.slice(2, 4)}/${b.sha256}` }),
    );
    expect(head.ContentType).toBe('image/jpeg');
    expect(head.ContentLength).toBe(10);
    const listed = [];
    for await (const x of store.list()) listed.push(x);
    expect(listed.map((x) => x.sha256).sort()).toEqual([a.sha256, b.sha256].sort());
    expect(listed.find((x) => x.sha256 === a.sha256)).toMatchObject({ size: 300_000 });
    expect(listed.every((x) => x.storedAt instanceof Date)).toBe(true);
    await store.delete(a.sha256);
    await store.delete(a.sha256); // twice is fine
    expect(await store.has(a.sha256)).toBe(false);
    await store.delete(b.sha256);
    store.close();
  });

  it('lists page by page and leaves out objects that are not blobs of ours', async () => {
    const store = createS3Store(server.settings(), { listPageSize: 3 });
    const blobs = Array.from({ length: 8 }, () => blob(20));
    for (const x of blobs) await store.put(x.sha256, x.bytes, 'application/octet-stream');
    await raw.send(new PutObjectCommand({ Bucket: server.bucket, Key: 'blobs/notes.txt', Body: 'someone else’s file' }));
    await raw.send(new PutObjectCommand({ Bucket: server.bucket, Key: `blobs/00/00/${blobs[0]!.sha256}`, Body: 'a misplaced copy' }));
    const listed = [];
    for await (const x of store.list()) listed.push(x.sha256);
    expect(listed.sort()).toEqual(blobs.map((x) => x.sha256).sort());
    for (const x of blobs) await store.delete(x.sha256);
    store.close();
  });

  it('works with server-side encryption turned off (for servers that refuse the header)', async () => {
    const store = createS3Store(server.settings({ serverSideEncryption: 'none' }));
    const a = blob();
    await store.put(a.sha256, a.bytes, 'application/pdf');
    expect(sha(await store.get(a.sha256))).toBe(a.sha256);
    await store.delete(a.sha256);
    store.close();
  });

  it('refuses bytes that do not hash to the name they are put under, and a name that is not a hash', async () => {
    const store = createS3Store(server.settings());
    const a = blob();
    await expect(store.put(sha(new Uint8Array([1])), a.bytes, 'application/pdf')).rejects.toThrow(/hash to/);
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/64 lowercase hex/);
    expect(await store.has(a.sha256)).toBe(false);
    store.close();
  });

  it('a missing object is BlobMissingError, different bytes under a name are BlobCorruptError, both naming the hash and key', async () => {
    const store = createS3Store(server.settings());
    const a = blob();
    const missing = await store.get(a.sha256).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(BlobMissingError);
    expect((missing as BlobMissingError).sha256).toBe(a.sha256);
    expect((missing as Error).message).toContain(s3KeyFor(a.sha256));

    await store.put(a.sha256, a.bytes, 'application/pdf');
    const other = new Uint8Array(a.bytes);
    other[500] = other[500]! ^ 0xff;
    await raw.send(new PutObjectCommand({ Bucket: server.bucket, Key: s3KeyFor(a.sha256), Body: other }));
    const corrupt = await store.get(a.sha256).catch((e: unknown) => e);
    expect(corrupt).toBeInstanceOf(BlobCorruptError);
    expect(corrupt).toMatchObject({ sha256: a.sha256, actualSha256: sha(other) });
    expect((corrupt as Error).message).toContain(server.bucket);
    // Putting the right bytes again mends it.
    await store.put(a.sha256, a.bytes, 'application/pdf');
    expect(sha(await store.get(a.sha256))).toBe(a.sha256);
    await store.delete(a.sha256);
    store.close();
  });

  it('a bucket that does not exist is a clear error naming it', async () => {
    const store = createS3Store(server.settings({ bucket: 'no-such-bucket' }), { maxAttempts: 1 });
    const a = blob();
    await expect(store.put(a.sha256, a.bytes, 'application/pdf')).rejects.toThrow(
      /s3:\/\/no-such-bucket at http:\/\/127\.0\.0\.1:\d+ failed: PutObject blobs\/.*NoSuchBucket/,
    );
    store.close();
  });
});

describe('S3 blob store when the server goes away', () => {
  it('answers with a clear error naming the server, bucket and key once the server is stopped mid-way', async () => {
    const server = await startTestS3Server('short-lived');
    const store = createS3Store(server.settings(), { maxAttempts: 2, connectionTimeoutMs: 1_000, requestTimeoutMs: 2_000 });
    try {
      const a = blob();
      await store.put(a.sha256, a.bytes, 'application/pdf');
      expect(await store.has(a.sha256)).toBe(true);
      await server.kill();
      const e = await store.get(a.sha256).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DeskFault);
      expect(e).not.toBeInstanceOf(BlobMissingError);
      expect((e as Error).message).toContain(`the attachment store s3://short-lived at ${server.endpoint} failed: GetObject ${s3KeyFor(a.sha256)}`);
      expect((e as Error).message).toMatch(/ECONNREFUSED/);
      await expect(store.has(a.sha256)).rejects.toThrow(/HeadObject/);
      await expect(store.put(a.sha256, a.bytes, 'application/pdf')).rejects.toThrow(/PutObject/);
      await expect(
        (async () => {
          for await (const x of store.list()) void x;
        })(),
      ).rejects.toThrow(/ListObjectsV2/);
    } finally {
      store.close();
      await server.dispose();
    }
  });
});

describe('S3 blob store: what it sends, and a server that never answers', () => {
  /** A stand-in server on 127.0.0.1 that records each request's headers and answers `answer` (or never). */
  async function recorder(answer: 'ok' | 'hang') {
    const seen: IncomingHttpHeaders[] = [];
    const server: Server = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      if (answer === 'ok') req.on('end', () => res.end());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { seen, endpoint, close: () => new Promise<void>((r) => server.close(() => r())) };
  }
  const settingsFor = (endpoint: string, serverSideEncryption: 'AES256' | 'none') => ({
    endpoint,
    bucket: 'desk-attachments',
    region: 'us-east-1',
    forcePathStyle: true,
    accessKeyId: 'k',
    secretAccessKey: 's',
    sessionToken: null,
    serverSideEncryption,
    source: 'file' as const,
  });

  it('asks for server-side encryption (unless turned off), and sends the type and Content-MD5', async () => {
    const r = await recorder('ok');
    try {
      const a = blob(5000);
      for (const sse of ['AES256', 'none'] as const) {
        const store = createS3Store(settingsFor(r.endpoint, sse), { maxAttempts: 1 });
        await store.put(a.sha256, a.bytes, 'application/pdf');
        store.close();
      }
      expect(r.seen).toHaveLength(2);
      expect(r.seen[0]).toMatchObject({
        'x-amz-server-side-encryption': 'AES256',
        'content-type': 'application/pdf',
        'content-md5': createHash('md5').update(a.bytes).digest('base64'),
        'content-length': '5000',
      });
      expect(r.seen[1]!['x-amz-server-side-encryption']).toBeUndefined();
    } finally {
      await r.close();
    }
  });

  it('gives up after its request timeout with an error naming the key, not waiting for ever', async () => {
    const r = await recorder('hang');
    const store = createS3Store(settingsFor(r.endpoint, 'AES256'), { maxAttempts: 2, requestTimeoutMs: 300 });
    try {
      const a = blob();
      const t0 = performance.now();
      await expect(store.get(a.sha256)).rejects.toThrow(`failed: GetObject ${s3KeyFor(a.sha256)}`);
      expect(performance.now() - t0).toBeLessThan(5_000);
      expect(r.seen).toHaveLength(2); // tried twice (maxAttempts)
    } finally {
      store.close();
      await r.close();
    }
  });
});
