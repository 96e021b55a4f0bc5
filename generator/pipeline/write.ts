/**
 * Stage 6, write: out/<env>/ is replaced whole or not at all. Files go to a temporary
 * sibling folder first; only a complete set is swapped in, so a failed or interrupted
 * build leaves the previous output untouched.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../output/manifest.js';
import type { Stack } from '../output/stacks.js';

export function outputFiles(stacks: Stack[], manifest: Manifest): Map<string, string> {
  const files = new Map<string, string>();
  for (const stack of stacks) files.set(stack.file, stack.body);
  files.set('manifest.json', JSON.stringify(manifest, undefined, 2) + '\n');
  return files;
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
