/**
 * Handler packaging: one esbuild pass bundles every function (the AWS SDK stays external: the
 * runtime provides it), and each bundle becomes a reproducible zip (fixed timestamps and modes,
 * one entry), so the same code always gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Artifact } from '../output/manifest.js';

export interface Packaged { artifact: Artifact; zip: Buffer; sha256: string }

/** 1980-01-01, the earliest time a zip entry can carry. */
const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));

async function zipOne(content: Uint8Array): Promise<Buffer> {
  const { ZipFile } = (await import('yazl')).default;
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(content), 'index.mjs', { mtime: ZIP_EPOCH, mode: 0o100644, compress: true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function packageFunctions(root: string, artifacts: Artifact[]): Promise<Packaged[]> {
  if (artifacts.length === 0) return [];
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: Object.fromEntries(artifacts.map((a) => [a.function, join(root, a.source)])),
    bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20',
    outdir: '/bundle', outExtension: { '.js': '.mjs' }, external: ['@aws-sdk/*'],
    logLevel: 'silent', legalComments: 'none',
    // ESM bundles need require() for CommonJS dependencies.
    banner: { js: "import { createRequire as __genRequire } from 'node:module'; const require = __genRequire(import.meta.url);" },
  });
  const byName = new Map(result.outputFiles.map((f) => [f.path.replace(/^\/bundle\//, '').replace(/\.mjs$/, ''), f.contents]));
  return Promise.all(artifacts.map(async (artifact) => {
    const zip = await zipOne(byName.get(artifact.function)!);
    return { artifact, zip, sha256: createHash('sha256').update(zip).digest('hex') };
  }));
}
