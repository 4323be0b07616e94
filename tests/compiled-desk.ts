/**
 * The tests run the command line as a person does, compiled (out/cli/desk.js): starting it costs a
 * fraction of compiling electron/cli/desk.ts with tsx on every call. Built here first when its sources
 * changed since the last build, so a test never runs yesterday's command line.
 */
import { COMPILED_CLI, ensureNodeBuilt } from '../scripts/build-node.mjs';

await ensureNodeBuilt();

export const DESK_CLI = COMPILED_CLI;
