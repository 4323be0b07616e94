/** `npm run desk -- <command>`: the compiled command line (out/cli/desk.js), rebuilt first if its sources changed. */
import { createRequire } from 'node:module';
import { COMPILED_CLI, ensureNodeBuilt } from './build-node.mjs';

await ensureNodeBuilt();
// In this process: the command reads its arguments from process.argv as if started directly.
createRequire(import.meta.url)(COMPILED_CLI);
