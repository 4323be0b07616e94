/**
 * Reads a bundle (a folder, or a .zip of one) into memory without trusting it:
 * paths stay inside the bundle, links may not leave it, sizes are bounded before
 * anything is decompressed or read.
 */
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { BundleError, problem } from './bundle-error';

export interface RawBundle {
  /** The bundle's name as the user gave it (folder or zip file name). */
  name: string;
  request: unknown;
  /** Files by their path inside the bundle ("/"-separated). */
  files: Map<string, Uint8Array>;
}

export interface ReadLimits {
  maxFileBytes: number;
  /** Everything in one bundle, decompressed. */
  maxBundleBytes: number;
}

const normalise = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');

function parseRequest(name: string, bytes: Uint8Array | undefined): unknown {
  if (!bytes) throw new BundleError(name, [problem('request.json', 'is missing from the bundle', 'ملف request.json غير موجود في الحزمة')]);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new BundleError(name, [problem('request.json', `is not valid UTF-8 JSON (${(e as Error).message})`, 'ملف request.json ليس JSON صالحاً')]);
  }
}

async function readFolder(dir: string, limits: ReadLimits): Promise<RawBundle> {
  const name = basename(dir);
  const root = await realpath(dir);
  const requestBytes = await readFile(join(root, 'request.json')).catch(() => undefined);
  if (requestBytes && requestBytes.length > 2 * 1024 * 1024)
    throw new BundleError(name, [problem('request.json', 'is larger than 2 MiB', 'ملف request.json أكبر من 2 ميغابايت')]);
  const request = parseRequest(name, requestBytes);
  const files = new Map<string, Uint8Array>();
  const wanted = Array.isArray((request as { attachments?: unknown })?.attachments)
    ? ((request as { attachments: Array<{ file?: unknown }> }).attachments.map((a) => a?.file).filter((f) => typeof f === 'string') as string[])
    : [];
  const problems = [];
  let total = 0;
  for (const rel of new Set(wanted)) {
    const path = normalise(rel);
    if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.split('/').includes('..')) continue; // the schema names these
    const full = join(root, ...path.split('/'));
    try {
      const info = await lstat(full);
      // A link is followed only when it stays inside the bundle.
      const real = info.isSymbolicLink() ? await realpath(full) : full;
      if (relative(root, real).startsWith('..') || !real.startsWith(root + sep)) {
        problems.push(problem(`file ${path}`, 'is a link that leaves the bundle', 'رابط يشير إلى خارج الحزمة'));
        continue;
      }
      const s = await stat(real);
      if (!s.isFile()) {
        problems.push(problem(`file ${path}`, 'is not a regular file', 'ليس ملفاً عادياً'));
        continue;
      }
      if (s.size > limits.maxFileBytes) {
        problems.push(
          problem(
            `file ${path}`,
            `is ${s.size} bytes, over the limit of ${limits.maxFileBytes}`,
            `حجمه ${s.size} بايت ويتجاوز الحد ${limits.maxFileBytes}`,
          ),
        );
        continue;
      }
      total += s.size;
      if (total > limits.maxBundleBytes)
        throw new BundleError(name, [problem('bundle', `is larger than ${limits.maxBundleBytes} bytes`, 'الحزمة أكبر من الحد المسموح')]);
      files.set(path, await readFile(real));
    } catch (e) {
      if (e instanceof BundleError) throw e;
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // the validator reports a missing file
      throw e;
    }
  }
  if (problems.length > 0) throw new BundleError(name, problems);
  return { name, request, files };
}

/** A zip already in memory (an upload from the Import page). */
export function readZipBytes(name: string, data: Uint8Array, limits: ReadLimits): RawBundle {
  let total = 0;
  const tooLarge: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(data, {
      // Sizes are checked from the directory before any entry is inflated (zip bombs).
      filter: (f) => {
        if (f.name.endsWith('/')) return false;
        total += f.originalSize;
        if (f.originalSize > limits.maxFileBytes) tooLarge.push(f.name);
        return f.originalSize <= limits.maxFileBytes && total <= limits.maxBundleBytes;
      },
    });
  } catch (e) {
    throw new BundleError(name, [problem('bundle', `is not a readable zip (${(e as Error).message})`, 'ملف zip غير صالح')]);
  }
  if (total > limits.maxBundleBytes)
    throw new BundleError(name, [
      problem('bundle', `unpacks to more than ${limits.maxBundleBytes} bytes`, 'الحزمة بعد فك الضغط أكبر من الحد المسموح'),
    ]);
  // A zip of a folder holds "folder/request.json": the folder is the bundle.
  const paths = Object.keys(entries).map(normalise);
  const prefix = paths.includes('request.json') ? '' : (paths.find((p) => /^[^/]+\/request\.json$/.test(p))?.replace(/request\.json$/, '') ?? '');
  const files = new Map<string, Uint8Array>();
  for (const [p, bytes] of Object.entries(entries)) {
    const path = normalise(p);
    if (path.startsWith(prefix)) files.set(path.slice(prefix.length), bytes);
  }
  const request = parseRequest(name, files.get('request.json'));
  files.delete('request.json');
  const problems = tooLarge.map((p) =>
    problem(
      `file ${normalise(p).slice(prefix.length)}`,
      `is over the limit of ${limits.maxFileBytes} bytes`,
      `يتجاوز الحد ${limits.maxFileBytes} بايت`,
    ),
  );
  if (problems.length > 0) throw new BundleError(name, problems);
  return { name, request, files };
}

export async function readBundle(path: string, limits: ReadLimits): Promise<RawBundle> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new BundleError(basename(path), [problem('bundle', `${path} does not exist`, `${path} غير موجود`)]);
  }
  if (info.isDirectory()) return readFolder(path, limits);
  if (path.toLowerCase().endsWith('.zip')) {
    if (info.size > limits.maxBundleBytes)
      throw new BundleError(basename(path), [problem('bundle', `is larger than ${limits.maxBundleBytes} bytes`, 'الحزمة أكبر من الحد المسموح')]);
    return readZipBytes(basename(path), await readFile(path), limits);
  }
  throw new BundleError(basename(path), [problem('bundle', 'is neither a folder nor a .zip file', 'ليس مجلداً ولا ملف zip')]);
}
