/**
 * Whether a build output is older than the sources it was made from. One check for every launcher
 * (npm start / demo / desk / host, the tests' global setup), so "rebuild only when sources changed"
 * means the same thing everywhere.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// From import.meta.url, not import.meta.dirname: electron-vite rewrites only the former when it bundles its config with this file.
export const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Newest modification time under a file or folder (node_modules skipped), 0 when it does not exist. */
export function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  return stat.isDirectory() ? newestInFolder(path, stat.mtimeMs) : stat.mtimeMs;
}

/** One stat per file and none for the folders' entries twice: a launcher's check of ~800 sources stays a few milliseconds. */
function newestInFolder(folder, folderMtime) {
  let newest = folderMtime;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(folder, entry.name)));
  }
  return newest;
}

/** Newest modification time of any of `sources` (paths relative to the repository, or absolute). */
export function newestSource(sources) {
  return Math.max(0, ...sources.map((s) => newestMtime(resolve(root, s))));
}

/** True when `output` is missing or older than any of `sources` (paths relative to the repository, or absolute). */
export function isStale(output, sources) {
  return anyStale([output], sources);
}

/** True when any of `outputs` is missing or older than any of `sources`: the sources are walked once for all of them. */
export function anyStale(outputs, sources) {
  let oldest = Infinity;
  for (const output of outputs) {
    const built = resolve(root, output);
    if (!existsSync(built)) return true;
    oldest = Math.min(oldest, statSync(built).mtimeMs);
  }
  return newestSource(sources) > oldest;
}
