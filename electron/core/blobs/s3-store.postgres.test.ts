/**
 * The team deployment end to end: desks on one PostgreSQL database keep attachments in an
 * S3-compatible bucket (s3rver, started here) named by storage.json in each desk's folder. Runs in
 * the `postgres` test project only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { openDesk, type Desk } from '../desk/open-desk';
import { fixedClock } from '../time/testing/fixed-clock';
import { freshTestSchema } from '../testing/test-postgres';
import { createHandlers } from '../handlers';
import { createDispatch } from '../dispatch';
import { createUser, signIn } from '../auth/users';
import { currentPolicy } from '../policy/current-policy';
import { importBundles } from '../intake/import-batch';
import { goodRequestJson, writeFolder } from '../intake/testing/request-bundles';
import { fileForLink } from '../files/attachment-file';
import { writeS3Settings } from './s3-settings';
import { s3KeyFor } from './s3-store';
import { startTestS3Server, type TestS3Server } from './testing/s3-server';
import { BlobCorruptError, BlobMissingError } from './blob-store';

const NOW = '2026-03-10T08:00:00.000Z';
const PASSWORD = 'correct-horse-battery';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** A file the size of a scanned letter, different every run. */
const letter = () => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(400_000), Buffer.from('\n%%EOF\n')]));

let server: TestS3Server;
let raw: S3Client;
let schema: ReturnType<typeof freshTestSchema>;
const desks: Desk[] = [];

/** A desk of the team: its own folder, whose storage.json names the bucket. */
async function teamDesk(): Promise<Desk> {
  const folder = mkdtempSync(join(tmpdir(), 'team-desk-'));
  writeS3Settings(folder, { endpoint: server.endpoint, bucket: server.bucket, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
  const desk = await openDesk(schema.address, { clock: fixedClock(NOW), cardKeyFile: null, settingsFolder: folder });
  desks.push(desk);
  return desk;
}

beforeAll(async () => {
  server = await startTestS3Server('team-attachments');
  raw = new S3Client({
    endpoint: server.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  schema = freshTestSchema();
});
afterAll(async () => {
  for (const d of desks.splice(0)) await d.close();
  await schema.drop();
  raw.destroy();
  await server.dispose();
});

describe('a team desk on PostgreSQL storing attachments in an S3-compatible bucket', () => {
  it('imports a bundle into the bucket (not the database) and opens its attachment from there, on every desk of the team', async () => {
    const a = await teamDesk();
    expect(a.blobs.kind).toBe('s3');
    const files = {
      'files/letter.pdf': letter(),
      'files/work.pdf': letter(),
      'files/photo.jpg': new Uint8Array([0xff, 0xd8, 0xff, ...randomBytes(150_000)]),
    };
    const { policy } = await currentPolicy(a.db, NOW);
    const [outcome] = await importBundles(a.db, a.clock, policy, [writeFolder(goodRequestJson(), files)], undefined, a.blobs);
    expect(outcome).toMatchObject({ ok: true });
    const reference = (outcome as { reference: string }).reference;

    // The rows say where the bytes are and hold none of them.
    const rows = await a.db.selectFrom('attachment_blobs').select(['sha256', 'stored', 'data', 'size']).execute();
    const ours = rows.filter((r) => Object.values(files).some((f) => sha(f) === r.sha256));
    expect(ours).toHaveLength(3);
    expect(ours.every((r) => r.stored === 's3' && r.data === null)).toBe(true);
    // The bucket holds them, under their hash.
    const inBucket = await raw.send(new GetObjectCommand({ Bucket: server.bucket, Key: s3KeyFor(sha(files['files/letter.pdf'])) }));
    expect(inBucket.ContentType).toBe('application/pdf');
    expect(sha(await inBucket.Body!.transformToByteArray())).toBe(sha(files['files/letter.pdf']));

    // Opened the normal way (attachments.open, then the file link) on a second desk of the team.
    const b = await teamDesk();
    await createUser(b.db, b.clock, { username: 'team-reviewer', displayName: 'Team reviewer', password: PASSWORD, roles: ['reviewer'] }, null);
    const session = await signIn(b.db, b.clock, 'team-reviewer', PASSWORD);
    const dispatch = createDispatch(createHandlers(b), b, () => undefined);
    const attachment = await b.db
      .selectFrom('attachments as at')
      .innerJoin('requests as r', 'r.id', 'at.request_id')
      .select(['at.id', 'at.file_name'])
      .where('r.reference', '=', reference)
      .where('at.sha256', '=', sha(files['files/letter.pdf']))
      .executeTakeFirstOrThrow();
    const open = async () => {
      const r = await dispatch('attachments.open', { id: attachment.id }, session.token);
      if (!r.ok) throw new Error(`attachments.open: ${r.error.code} ${r.error.message}`);
      return fileForLink(b, (r.value as { url: string }).url, session.token);
    };
    const file = await open();
    expect(file?.mime).toBe('application/pdf');
    expect(Buffer.from(file!.bytes).equals(Buffer.from(files['files/letter.pdf']))).toBe(true);

    // They came from the bucket: bytes changed there are caught by the hash, naming the request and the file …
    const key = s3KeyFor(sha(files['files/letter.pdf']));
    const tampered = new Uint8Array(files['files/letter.pdf']);
    tampered[1000] = tampered[1000]! ^ 1;
    await raw.send(new PutObjectCommand({ Bucket: server.bucket, Key: key, Body: tampered }));
    const corrupt = await open().catch((e: unknown) => e);
    expect(corrupt).toBeInstanceOf(BlobCorruptError);
    expect((corrupt as Error).message).toContain(`request ${reference}, attachment ${attachment.file_name}`);
    // … and an object gone from the bucket is said when the attachment is opened, not as a broken link.
    await raw.send(new DeleteObjectCommand({ Bucket: server.bucket, Key: key }));
    const r = await dispatch('attachments.open', { id: attachment.id }, session.token);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('not_found');
    expect(!r.ok && r.error.message).toContain(`request ${reference}, attachment ${attachment.file_name}`);
    await expect(b.blobs.get(sha(files['files/letter.pdf']))).rejects.toBeInstanceOf(BlobMissingError);
  });
});
