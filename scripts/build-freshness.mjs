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
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** True when `output` is missing or older than any of `sources` (paths relative to the repository, or absolute). */
export function isStale(output, sources) {
  const built = resolve(root, output);
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sources.some((s) => newestMtime(resolve(root, s)) > builtAt);
}
