/**
 * Stage 6, write: out/<env>/ is replaced whole or not at all. Files go to a temporary
 * sibling folder first; only a complete set is swapped in, so a failed or interrupted
 * build leaves the previous output untouched.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import { placementPath, serializePlacement, type Placement } from '../placement/lock.js';
import type { UploadedDocument } from '../output/documents.js';
import type { Manifest } from '../output/manifest.js';
import type { Stack } from '../output/stacks.js';

/** What a successful build writes: what pipeline/build.ts returns when it has no errors. */
export interface BuildOutput {
  stacks: Stack[];
  manifest: Manifest;
  documents?: UploadedDocument[];
  placement?: Placement;
}

export function outputFiles({ stacks, manifest, documents = [] }: BuildOutput): Map<string, string> {
  const files = new Map<string, string>();
  for (const stack of stacks) files.set(stack.file, stack.body);
  for (const document of documents) files.set(document.file, document.content);
  files.set('manifest.json', JSON.stringify(manifest, undefined, 2) + '\n');
  return files;
}

/**
 * out/<env>/ and then the placement file: placements are recorded only once the output they
 * describe is complete, so a failed build never records any. Returns the output folder and
 * whether placement changed.
 */
export function writeBuild(
  root: string,
  outDir: string,
  env: string,
  output: BuildOutput,
): { target: string; placementChanged: boolean } {
  const target = writeOutput(outDir, env, outputFiles(output));
  return { target, placementChanged: output.placement ? writePlacement(root, output.placement) : false };
}

export function writeOutput(outDir: string, env: string, files: Map<string, string>): string {
  const target = join(outDir, env);
  const temporary = join(outDir, `.${env}.tmp-${process.pid}`);
  const previous = join(outDir, `.${env}.old-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary);
  try {
    for (const [name, content] of files) writeFileSync(join(temporary, name), content);
  } catch (e) {
    rmSync(temporary, { recursive: true, force: true });
    throw e;
  }
  const hadPrevious = existsSync(target);
  if (hadPrevious) renameSync(target, previous);
  renameSync(temporary, target);
  if (hadPrevious) rmSync(previous, { recursive: true, force: true });
  return target;
}

/** The placement file, rewritten only when placement changed. Returns whether it changed. */
const committed = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

export function writePlacement(root: string, placement: Placement): boolean {
  const path = placementPath(root, placement.environment);
  const text = serializePlacement(placement);
  if (committed(path) === text) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
  return true;
}

/** Whether writing this placement would change the committed file (gen deploy records it only once the deploy went through). */
export const placementWouldChange = (root: string, placement: Placement) =>
  committed(placementPath(root, placement.environment)) !== serializePlacement(placement);

/** For --locked (CI): the committed placement must already be what this build computes. */
export function placementDrift(root: string, placement: Placement): Diagnostic[] {
  const current = committed(placementPath(root, placement.environment));
  if (current === serializePlacement(placement)) return [];
  return [
    error(
      'GEN506',
      `placement/${placement.environment}.json ${current === undefined ? 'is missing' : 'is out of date'}: this build places resources that it does not record`,
      undefined,
      'run gen build without --locked and commit placement/',
    ),
  ];
}
