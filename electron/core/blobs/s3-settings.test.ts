import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { DeskFault } from '../errors';
import { readS3Settings, storageFile, writeS3Settings } from './s3-settings';
import { createS3Store } from './s3-store';
import { startTestS3Server, type TestS3Server } from './testing/s3-server';

const folder = () => mkdtempSync(join(tmpdir(), 'desk-storage-'));
const posix = process.platform !== 'win32';

describe('S3 settings', () => {
  it('none: no bucket in the environment and no storage.json (the desk keeps attachments in its database)', () => {
    expect(readS3Settings(folder(), {})).toBeNull();
    expect(readS3Settings(null, { AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' })).toBeNull();
  });

  it('from the standard AWS environment plus MUMARIS_S3_BUCKET, with defaults', () => {
    expect(
      readS3Settings(null, {
        MUMARIS_S3_BUCKET: 'scfhs-desk',
        AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_SESSION_TOKEN: 'token',
        AWS_REGION: 'me-central-1',
        AWS_ENDPOINT_URL_S3: 'https://minio.office.local:9000',
      }),
    ).toEqual({
      endpoint: 'https://minio.office.local:9000',
      bucket: 'scfhs-desk',
      region: 'me-central-1',
      forcePathStyle: true, // a server of one's own: path-style unless told otherwise
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'token',
      serverSideEncryption: 'AES256',
      source: 'environment',
    });
    expect(readS3Settings(null, { MUMARIS_S3_BUCKET: 'scfhs-desk' })).toMatchObject({
      endpoint: null,
      region: 'us-east-1',
      forcePathStyle: false,
      accessKeyId: null,
      secretAccessKey: null,
    });
    expect(
      readS3Settings(null, { MUMARIS_S3_BUCKET: 'b-1', AWS_ENDPOINT_URL_S3: 'http://h:1', MUMARIS_S3_PATH_STYLE: 'false', MUMARIS_S3_SSE: 'off' }),
    ).toMatchObject({
      forcePathStyle: false,
      serverSideEncryption: 'none',
    });
  });

  it('the environment wins over storage.json (as MUMARIS_DB wins over the saved database)', () => {
    const dir = folder();
    writeS3Settings(dir, { endpoint: 'http://10.0.0.5:9000', bucket: 'saved', accessKeyId: 'a', secretAccessKey: 'b' });
    expect(readS3Settings(dir, {})?.bucket).toBe('saved');
    expect(readS3Settings(dir, { MUMARIS_S3_BUCKET: 'from-env' })?.bucket).toBe('from-env');
  });

  it('bad environment values are clear errors naming the variable', () => {
    expect(() => readS3Settings(null, { MUMARIS_S3_BUCKET: 'Bad_Bucket' })).toThrow(/bucket "Bad_Bucket" is not a valid bucket name/);
    expect(() => readS3Settings(null, { MUMARIS_S3_BUCKET: 'ok-bucket', MUMARIS_S3_PATH_STYLE: 'maybe' })).toThrow(
      /MUMARIS_S3_PATH_STYLE: expected true or false/,
    );
    expect(() => readS3Settings(null, { MUMARIS_S3_BUCKET: 'ok-bucket', AWS_ACCESS_KEY_ID: 'only-half' })).toThrow(
      /accessKeyId and secretAccessKey go together/,
    );
    expect(() => readS3Settings(null, { MUMARIS_S3_BUCKET: 'ok-bucket', AWS_ENDPOINT_URL_S3: 'ftp://x' })).toThrow(/must start with http/);
  });

  it('writes storage.json whole, owner-only, keeping its other entries; reads it back', () => {
    const dir = folder();
    writeFileSync(storageFile(dir), JSON.stringify({ other: 1 }), { mode: 0o600 });
    const saved = writeS3Settings(dir, { endpoint: 'http://10.0.0.5:9000', bucket: 'desk-files', accessKeyId: 'key', secretAccessKey: 'secret' });
    expect(saved).toMatchObject({ bucket: 'desk-files', forcePathStyle: true, serverSideEncryption: 'AES256', source: 'file' });
    const onDisk = JSON.parse(readFileSync(storageFile(dir), 'utf8')) as Record<string, unknown>;
    expect(onDisk.other).toBe(1);
    expect(onDisk.s3).toMatchObject({ bucket: 'desk-files', secretAccessKey: 'secret' });
    expect(existsSync(`${storageFile(dir)}.tmp`)).toBe(false);
    if (posix) expect(statSync(storageFile(dir)).mode & 0o777).toBe(0o600);
    expect(readS3Settings(dir, {})).toEqual({ ...saved, sessionToken: null });
  });

  it('refuses bad settings before writing anything', () => {
    const dir = folder();
    const err = (() => {
      try {
        writeS3Settings(dir, { endpoint: 'not a url', bucket: 'desk-files', accessKeyId: null, secretAccessKey: null });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DeskFault);
    expect((err as DeskFault).code).toBe('bad_input');
    expect((err as DeskFault).messageAr).toBeTruthy();
    expect(existsSync(storageFile(dir))).toBe(false);
    expect(() => writeS3Settings(dir, { endpoint: 'http://user:pw@h:9000', bucket: 'desk-files', accessKeyId: null, secretAccessKey: null })).toThrow(
      /must not carry credentials/,
    );
    expect(() =>
      writeS3Settings(dir, {
        endpoint: null,
        bucket: 'desk-files',
        accessKeyId: null,
        secretAccessKey: null,
        serverSideEncryption: 'aws:kms' as 'none',
      }),
    ).toThrow(/serverSideEncryption/);
  });

  it.runIf(posix)('refuses a storage.json with a secret key that others can read', () => {
    const dir = folder();
    writeS3Settings(dir, { endpoint: null, bucket: 'desk-files', accessKeyId: 'k', secretAccessKey: 's' });
    chmodSync(storageFile(dir), 0o644);
    expect(() => readS3Settings(dir, {})).toThrow(/others can read it \(mode 644\); run chmod 600/);
  });

  it('an unreadable storage.json is a clear error naming the file', () => {
    const dir = folder();
    writeFileSync(storageFile(dir), '{ not json', { mode: 0o600 });
    expect(() => readS3Settings(dir, {})).toThrow(/storage settings .*storage\.json cannot be read/);
  });
});

describe('S3 settings drive a working store', () => {
  let server: TestS3Server;
  beforeAll(async () => {
    server = await startTestS3Server('from-settings');
  });
  afterAll(() => server.dispose());

  const roundTrip = async (settings: ReturnType<typeof readS3Settings>) => {
    const store = createS3Store(settings!);
    const bytes = new TextEncoder().encode(`a letter ${settings!.source}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await store.put(sha256, bytes, 'text/plain');
    expect(new TextDecoder().decode(await store.get(sha256))).toBe(`a letter ${settings!.source}`);
    store.close();
  };

  it('read from the environment', async () => {
    await roundTrip(
      readS3Settings(null, {
        MUMARIS_S3_BUCKET: server.bucket,
        AWS_ENDPOINT_URL_S3: server.endpoint,
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
      }),
    );
  });

  it('read from storage.json', async () => {
    const dir = folder();
    writeS3Settings(dir, { endpoint: server.endpoint, bucket: server.bucket, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    await roundTrip(readS3Settings(dir, {}));
  });
});
