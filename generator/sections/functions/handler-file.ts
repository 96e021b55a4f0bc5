/** Locating and fingerprinting a function's handler file. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { splitHandler } from './model.js';

export const HANDLER_EXTENSIONS = ['.mjs', '.js', '.cjs', '.ts'];

/** The handler's source file relative to the project root, or undefined when none exists. */
export function findHandlerFile(root: string, handler: string): string | undefined {
  const { file } = splitHandler(handler);
  return HANDLER_EXTENSIONS.map((ext) => file + ext).find((candidate) => existsSync(join(root, candidate)));
}

function filesUnder(dir: string): string[] {
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return []; }
  return entries.flatMap((e) => (e.isDirectory() ? (e.name === 'node_modules' ? [] : filesUnder(join(dir, e.name))) : [join(dir, e.name)]));
}

/**
 * Fingerprint of everything a bundle may include from the project besides its own entry file:
 * the other files under handlers/ that are not entries (shared code such as handlers/lib/).
 * Over-approximating is deliberate: a missed change would leave old code running. npm
 * dependencies are not covered (the AWS SDK comes with the runtime); see README, deploy.
 */
export function sharedCodeHash(root: string, entries: Set<string>): string {
  const hash = createHash('sha256');
  for (const full of filesUnder(join(root, 'handlers')).sort()) {
    const file = relative(root, full);
    if (entries.has(file)) continue;
    hash.update(file).update('\0').update(readFileSync(full)).update('\0');
  }
  return hash.digest('hex');
}

/** sha256 of a function's code: its entry file plus the shared code. Names the artifact, so unchanged code is never re-uploaded. */
export function handlerHash(root: string, handler: string, shared: string): string {
  const file = findHandlerFile(root, handler);
  const content = file ? readFileSync(join(root, file)) : Buffer.from(handler);
  return createHash('sha256').update(content).update(shared).digest('hex');
}
