/**
 * Runs a compiled bundle (out/cli/desk.bundle.js, out/host/serve.bundle.js) with V8's code cache, the way
 * Node 22's module.enableCompileCache() would: Node 20 compiles a 2 MB bundle from its text on every start
 * (about a third of a command's time on a busy machine), while a cached start only reads back the code.
 *
 * The cache lives beside the bundle and is named after its size and modification time, so a rebuilt
 * bundle never meets a cache made from another one (V8 checks only the text's length itself). It is
 * written once, when the process exits, with the functions the run compiled; it is rewritten only when
 * missing or refused (another Node, other V8 flags). A folder the process cannot write just means no cache.
 *
 * A script compiled from a cache loses Node 20's import() (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so
 * the build turns the bundle's import() of a package (pdf.js, harfbuzzjs) into __deskImport(), which
 * this file hands in: an import() of Node's own, resolved from out/ like the bundle's require.
 *
 * Copied beside the bundles by scripts/build-node.mjs; CommonJS, as the bundles are.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: it starts the CommonJS bundles, before any loader of modules */
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const { Script } = require('node:vm');
const Module = require('node:module');

/** The cache file of a bundle as it is now on disk, for this Node and this processor. */
function cacheFileOf(bundle) {
  const { size, mtimeMs } = statSync(bundle);
  return `${bundle}.${size}-${Math.round(mtimeMs)}-${process.version}-${process.arch}.v8cache`;
}

/**
 * Runs `bundle` as this process's program (its require, __dirname and module are the bundle's own).
 * Answers its exports and whether V8 took its code from the cache.
 */
function runCached(bundle) {
  const cacheFile = cacheFileOf(bundle);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = `(function (exports, require, module, __filename, __dirname, __deskImport) { ${readFileSync(bundle, 'utf8')}\n})`;
  const script = new Script(source, { filename: bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => writeCache(script, cacheFile));
  const module = new Module(bundle, require.main);
  module.filename = bundle;
  module.paths = Module._nodeModulePaths(dirname(bundle));
  const deskImport = (specifier) => import(specifier);
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle), deskImport);
  module.loaded = true;
  return { exports: module.exports, fromCache: cachedData !== undefined && !script.cachedDataRejected };
}

/** Written beside and renamed: a process starting meanwhile reads a whole cache or none. */
function writeCache(script, cacheFile) {
  try {
    const partial = `${cacheFile}.${process.pid}.partial`;
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
  } catch {
    // A read-only install: every start compiles, as without this loader.
  }
}

module.exports = { runCached, cacheFileOf };
