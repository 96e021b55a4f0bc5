/**
 * Handler packaging: one esbuild pass bundles every Node.js function (the AWS SDK stays
 * external: the runtime provides it), and each bundle becomes a reproducible zip (fixed
 * timestamps and modes, one entry), so the same code always gives the same bytes. Python
 * functions are packaged by package-python.ts.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Artifact } from '../output/manifest.js';
import { packagePython } from './package-python.js';
import { reproducibleZip } from './zip.js';

export interface Packaged {
  artifact: Artifact;
  zip: Buffer;
  sha256: string;
}

const zipOne = (content: Uint8Array) => reproducibleZip([{ name: 'index.mjs', content }]);
const done = (artifact: Artifact, zip: Buffer): Packaged => ({
  artifact,
  zip,
  sha256: createHash('sha256').update(zip).digest('hex'),
});

export async function packageFunctions(root: string, all: Artifact[]): Promise<Packaged[]> {
  const python = await Promise.all(all.filter((a) => a.python).map(async (a) => done(a, await packagePython(root, a))));
  const artifacts = all.filter((a) => !a.python);
  if (artifacts.length === 0) return python;
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: Object.fromEntries(artifacts.map((a) => [a.function, join(root, a.source)])),
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: '/bundle',
    outExtension: { '.js': '.mjs' },
    external: ['@aws-sdk/*'],
    logLevel: 'silent',
    legalComments: 'none',
    // ESM bundles need require() for CommonJS dependencies.
    banner: {
      js: "import { createRequire as __genRequire } from 'node:module'; const require = __genRequire(import.meta.url);",
    },
  });
  const byName = new Map(
    result.outputFiles.map((f) => [f.path.replace(/^\/bundle\//, '').replace(/\.mjs$/, ''), f.contents]),
  );
  const node = await Promise.all(
    artifacts.map(async (artifact) => done(artifact, await zipOne(byName.get(artifact.function)!))),
  );
  return [...node, ...python];
}
