/**
 * The folder gen is installed in (package.json, templates/). Found by walking up from this
 * module, because the module sits at different depths in dist/ (tsc output) and dist/bundle/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'gen')
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the gen package folder (package.json named "gen")');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findRoot();
export const packageVersion = (): string =>
  (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
