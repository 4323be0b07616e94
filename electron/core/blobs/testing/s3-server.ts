/**
 * A local S3-compatible server for tests and the bench: s3rver in a child process on 127.0.0.1, a port
 * the system picks, its objects in a temporary folder, one bucket made for it.
 *
 * In a child process because s3rver names its listing pages with DES (continuation tokens), which
 * OpenSSL 3 keeps in its legacy provider: Node enables that only from its command line. Being a process
 * of its own also lets a test kill the server mid-way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Settings } from '../s3-settings';

export interface TestS3Server {
  endpoint: string;
  bucket: string;
  /** Where s3rver keeps the objects. */
  directory: string;
  /** Settings for a store on this server (s3rver's fixed credentials, path-style). */
  settings(extra?: Partial<S3Settings>): S3Settings;
  /** Stops the server (SIGKILL: as abrupt as a server falling over); its objects stay until `dispose`. */
  kill(): Promise<void>;
  /** Stops the server if it still runs and removes its folder. */
  dispose(): Promise<void>;
}

const CHILD = `
const S3rver = require(process.argv[1]);
const [directory, bucket] = process.argv.slice(2);
new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] })
  .run()
  .then((a) => process.stdout.write(JSON.stringify({ port: a.port }) + '\\n'), (e) => { console.error(e); process.exit(1); });
// The test process went away (even by kill -9): so does the server.
process.stdin.on('end', () => process.exit(0)).resume();
`;

export async function startTestS3Server(bucket = 'desk-attachments'): Promise<TestS3Server> {
  const directory = mkdtempSync(join(tmpdir(), 's3rver-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', CHILD, require.resolve('s3rver'), directory, bucket], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const line = out.split('\n')[0];
        if (out.includes('\n')) resolve((JSON.parse(line!) as { port: number }).port);
      });
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      child.on('exit', (code) => reject(new Error(`s3rver exited (${code}) before it listened: ${err}`)));
      setTimeout(() => reject(new Error(`s3rver did not start in 15 s: ${err}`)), 15_000).unref();
    });
  } catch (e) {
    child.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
    throw e;
  }
  const endpoint = `http://127.0.0.1:${port}`;
  const kill = () => stop(child);
  return {
    endpoint,
    bucket,
    directory,
    settings: (extra = {}) => ({
      endpoint,
      bucket,
      region: 'us-east-1',
      forcePathStyle: true,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      sessionToken: null,
      serverSideEncryption: 'AES256',
      source: 'file',
      ...extra,
    }),
    kill,
    async dispose() {
      await kill();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
