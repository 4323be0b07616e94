#!/usr/bin/env node
/**
 * `npm start` / `npm run demo`: builds the desk if its sources changed, then starts
 * Electron where its binary exists, or else says why and serves the same desk
 * through electron/host on 127.0.0.1. Extra arguments (--demo, --db, --port) pass through.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './build-freshness.mjs';
import { COMPILED_HOST } from './build-node.mjs';
import { ensureDeskBuilt } from './ensure-built.mjs';

const args = process.argv.slice(2);
await ensureDeskBuilt({ app: true });

/** Finds Electron's binary without require('electron'), which would try to download it. */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const path = join(dist, name);
  return existsSync(path)
    ? { path }
    : { why: `Electron's binary is not installed here (${path} is missing; "npx install-electron" fetches it where the internet is reachable)` };
}

const electron = process.env.MUMARIS_NO_ELECTRON ? { why: 'MUMARIS_NO_ELECTRON is set' } : electronBinary();
if (electron.path) {
  const child = spawn(electron.path, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`${electron.why}; serving the desk to your browser instead.\n`);
  const child = spawn(process.execPath, [COMPILED_HOST, ...args], { cwd: root, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
