/** The spec of an inline YAML text, read through the real loader in a temporary copy of the base fixture. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSpec } from '../../generator/pipeline/build.js';
import { FIXTURES } from '../fixtures/run-fixture.js';

export function specOf(text: string) {
  const root = mkdtempSync(join(tmpdir(), 'gen-spec-of-'));
  try {
    cpSync(join(FIXTURES, 'base'), root, { recursive: true });
    writeFileSync(join(root, 'spec/app.yaml'), text);
    return readSpec({ root, specDir: join(root, 'spec') }).spec!;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
