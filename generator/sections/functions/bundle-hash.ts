/**
 * What a Node.js function's artifact is named after: every file its bundle is made of. One
 * esbuild pass over all handlers, as `gen deploy` bundles them (deploy/package.ts), lists each
 * bundle's inputs (its own file, the handlers and shared code it imports, the npm packages it
 * pulls in); their paths and contents make the hash. So the name changes exactly when the
 * bundle's sources do: a change to kill-switch.mjs, imported by risk-profiles.mjs, gives
 * risk-profiles a new artifact too, and a file nothing imports changes no function.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** Entry file (relative to the root) -> sha256 of its bundle's inputs; empty when the handlers do not bundle (the checks say why). */
export function bundleHashes(root: string, entries: string[]): Map<string, string> {
  const hashes = new Map<string, string>();
  if (entries.length === 0) return hashes;
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  let metafile: import('esbuild').Metafile;
  try {
    ({ metafile } = buildSync({
      entryPoints: entries,
      absWorkingDir: root,
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: join(root, '.gen-bundle'),
      external: ['@aws-sdk/*'],
      logLevel: 'silent',
    }));
  } catch {
    return hashes;
  }
  for (const output of Object.values(metafile.outputs)) {
    if (!output.entryPoint) continue;
    const hash = createHash('sha256');
    for (const input of Object.keys(output.inputs).sort()) {
      hash
        .update(input)
        .update('\0')
        .update(readFileSync(join(root, input)))
        .update('\0');
    }
    hashes.set(output.entryPoint, hash.digest('hex'));
  }
  return hashes;
}
