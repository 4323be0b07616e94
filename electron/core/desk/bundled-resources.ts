import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A folder of resources/ (OCR language data, demo scans) wherever the desk runs: beside the sources
 * (tests, the command line, the host), beside the built main process (out/main), or in a packaged app's
 * resources (electron-builder.yml's extraResources, outside the asar so worker threads read it as plain
 * files). `probe` is a file the folder must hold.
 */
export function bundledFolder(name: 'ocr' | 'demo', probe: string): string {
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  // This file runs from electron/core/desk (three folders below the project) or bundled into out/main, out/cli or out/host (two).
  const candidates = [
    resolve(__dirname, '..', '..', '..', 'resources', name),
    resolve(__dirname, '..', '..', 'resources', name),
    packaged ? join(packaged, name) : undefined,
  ].filter((c): c is string => Boolean(c));
  const found = candidates.find((c) => existsSync(join(c, probe)));
  if (!found) throw new Error(`the bundled ${name} files are missing (${probe}); looked in: ${candidates.join(', ')}`);
  return found;
}
