/** Write a generated whole project to a temporary folder and build it through the real pipeline. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { build, type BuildResult } from '../../../generator/pipeline/build.js';
import { FIXTURES } from '../../fixtures/run-fixture.js';
import type { FullProject } from './index.js';

/** Builds `environment` as the test environment (production is there too, protected, for per-environment values). */
export function buildFull({ spec, files }: FullProject, environment: object): BuildResult {
  const dir = mkdtempSync(join(tmpdir(), 'gen-full-'));
  try {
    for (const folder of ['spec', 'environments', 'handlers']) mkdirSync(join(dir, folder));
    cpSync(join(FIXTURES, 'base/handlers/orders.mjs'), join(dir, 'handlers/orders.mjs'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    writeFileSync(join(dir, 'spec/app.yaml'), stringify(spec));
    writeFileSync(join(dir, 'environments/production.yaml'), stringify({ region: 'eu-central-1', protected: true }));
    writeFileSync(join(dir, 'environments/test.yaml'), stringify({ region: 'eu-central-1', ...environment }));
    return build({ root: dir, specDir: join(dir, 'spec') }, 'test');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
