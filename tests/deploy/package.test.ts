/** Handler packaging: one bundle per function, reproducible zips, AWS SDK left to the runtime. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { build } from '../../generator/pipeline/build.js';
import { packageFunctions } from '../../generator/deploy/package.js';
import { REPO } from '../fixtures/run-fixture.js';

/** The single entry of a zip made by packageFunctions. */
function unzipOne(zip: Buffer): { name: string; content: string; mtime: number } {
  const nameLength = zip.readUInt16LE(26);
  const extraLength = zip.readUInt16LE(28);
  const name = zip.subarray(30, 30 + nameLength).toString();
  const size = zip.readUInt32LE(18);
  const data = zip.subarray(30 + nameLength + extraLength, 30 + nameLength + extraLength + size);
  return { name, content: inflateRawSync(data).toString(), mtime: zip.readUInt32LE(10) };
}

describe('packaging', () => {
  const manifest = build({ root: REPO, specDir: join(REPO, 'spec') }, 'test').manifest!;

  it('bundles every function into a zip with one index.mjs, keeping the AWS SDK external', async () => {
    const packaged = await packageFunctions(REPO, manifest.artifacts);
    expect(packaged).toHaveLength(34);
    const kill = unzipOne(packaged.find((p) => p.artifact.function === 'kill-switch')!.zip);
    expect(kill.name).toBe('index.mjs');
    expect(kill.content).toContain('process.env.TABLE_KILL_SWITCH_STATE');
    expect(kill.content).toContain('function crudHandler'); // shared code is bundled in
    expect(kill.content).toMatch(/from "@aws-sdk\/lib-dynamodb"/); // the runtime provides the SDK
  });

  it('gives byte-identical zips for the same code, with fixed timestamps', async () => {
    const [a, b] = await Promise.all([
      packageFunctions(REPO, manifest.artifacts.slice(0, 3)),
      packageFunctions(REPO, manifest.artifacts.slice(0, 3)),
    ]);
    expect(a.map((p) => p.sha256)).toEqual(b.map((p) => p.sha256));
    expect(new Set(a.map((p) => unzipOne(p.zip).mtime)).size).toBe(1);
  });
});
