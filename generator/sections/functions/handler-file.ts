/** Locating and fingerprinting a function's handler file. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitHandler } from './model.js';

export const HANDLER_EXTENSIONS = ['.mjs', '.js', '.cjs', '.ts'];

/** The handler's source file relative to the project root, or undefined when none exists. */
export function findHandlerFile(root: string, handler: string): string | undefined {
  const { file } = splitHandler(handler);
  return HANDLER_EXTENSIONS.map((ext) => file + ext).find((candidate) => existsSync(join(root, candidate)));
}

/** sha256 of the handler source: names the code artifact, so unchanged code is never re-uploaded. */
export function handlerHash(root: string, handler: string): string {
  const file = findHandlerFile(root, handler);
  const content = file ? readFileSync(join(root, file)) : Buffer.from(handler);
  return createHash('sha256').update(content).digest('hex');
}
