/** Locating and fingerprinting a function's handler file. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { splitHandler } from './model.js';
import { HANDLER_EXTENSIONS, type Language } from './runtimes.js';

/** The handler's source file relative to the project root, or undefined when none exists. */
export function findHandlerFile(root: string, handler: string, language: Language = 'node'): string | undefined {
  const { file } = splitHandler(handler);
  return HANDLER_EXTENSIONS[language].map((ext) => file + ext).find((candidate) => existsSync(join(root, candidate)));
}

/** Folders never shipped with code: tests, caches, installed packages. */
const SKIPPED = new Set(['node_modules', 'tests', '__pycache__', '.venv']);

export function filesUnder(dir: string): string[] {
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return []; }
  return entries.flatMap((e) => (e.isDirectory() ? (SKIPPED.has(e.name) ? [] : filesUnder(join(dir, e.name))) : e.name.endsWith('.pyc') ? [] : [join(dir, e.name)]))
    .sort();
}

/**
 * Fingerprint of everything a bundle may include from the project besides its own entry file:
 * the other files under handlers/ that are not entries (shared code such as handlers/lib/).
 * Over-approximating is deliberate: a missed change would leave old code running. npm
 * dependencies are not covered (the AWS SDK comes with the runtime); see README, deploy.
 */
export function sharedCodeHash(root: string, entries: Set<string>): string {
  const hash = createHash('sha256');
  for (const full of filesUnder(join(root, 'handlers'))) {
    const file = relative(root, full);
    if (entries.has(file) || file.endsWith('.py')) continue;
    hash.update(file).update('\0').update(readFileSync(full)).update('\0');
  }
  return hash.digest('hex');
}

/** sha256 of a Node function's code: its entry file plus the shared code. Names the artifact, so unchanged code is never re-uploaded. */
export function handlerHash(root: string, handler: string, shared: string): string {
  const file = findHandlerFile(root, handler);
  const content = file ? readFileSync(join(root, file)) : Buffer.from(handler);
  return createHash('sha256').update(content).update(shared).digest('hex');
}

/**
 * A Python function ships its module's folder (every file but tests and caches) plus the
 * packages of that folder's requirements.txt, installed for its architecture at deploy. The
 * hash covers all of it, the pinned requirements and where they are installed for, so the
 * artifact's name changes exactly when what is uploaded does.
 */
export function pythonPackage(root: string, file: string, runtime: string, architecture: string) {
  const folder = dirname(file);
  const files = filesUnder(join(root, folder)).map((full) => relative(join(root, folder), full)).filter((f) => f !== 'requirements.txt');
  const requirements = existsSync(join(root, folder, 'requirements.txt')) ? join(folder, 'requirements.txt') : undefined;
  const hash = createHash('sha256').update(`${runtime}\0${architecture}\0`);
  for (const f of files) hash.update(f).update('\0').update(readFileSync(join(root, folder, f))).update('\0');
  if (requirements) hash.update('requirements.txt\0').update(readFileSync(join(root, requirements)));
  return { folder, files, requirements, codeHash: hash.digest('hex') };
}

/** Top-level functions of a Python module (`def name(` or `async def name(` at the start of a line). */
export function pythonFunctions(root: string, file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/gm)].map((m) => m[1]);
}
