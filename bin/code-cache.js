// Runs a CommonJS file the way Node's loader would, but with V8's code cache kept beside it
// (<file>.cache). Node 20 has no module.enableCompileCache, and the v8-compile-cache package
// saves the cache at compile time, before V8 has compiled the functions a run actually uses
// (measured: no gain). Saving it after a run makes the next start ~30 ms faster (README, Performance).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

/** Runs `file`; returns whether V8 accepted the saved cache (for the tests). */
export function runWithCodeCache(file) {
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    /* first run: written below */
  }
  // No import() in the file: code from a cache loses the dynamic-import hook on Node 20, so the
  // bundle turns import() into require() (scripts/bundle.mjs).
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  // V8 rejects a cache from another Node version; then (or on the first run) save a fresh one.
  // The bundler deletes the cache with the old bundle, so a cache never outlives its source.
  const cacheUsed = Boolean(cachedData) && !script.cachedDataRejected;
  if (!cacheUsed) process.once('exit', () => saveCache(script, cacheFile));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return cacheUsed;
}

function saveCache(script, cacheFile) {
  try {
    // Through a temporary name: a parallel run never reads half a file.
    const temporary = `${cacheFile}.${process.pid}`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    /* a read-only install just runs without the cache */
  }
}
