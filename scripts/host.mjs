/** `npm run host -- [--db …] [--port N] [--demo]`: the compiled host (out/host/serve.js) and renderer, rebuilt first if their sources changed. */
import { createRequire } from 'node:module';
import { COMPILED_HOST } from './build-node.mjs';
import { ensureDeskBuilt } from './ensure-built.mjs';

await ensureDeskBuilt();
createRequire(import.meta.url)(COMPILED_HOST);
