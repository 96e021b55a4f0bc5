/**
 * Golden templates of the reference platform: any change to generated output shows up as a
 * diff here, to be reviewed like code. UPDATE_GOLDEN=1 rewrites them after a deliberate change.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gen, REPO } from '../fixtures/run-fixture.js';

const GOLDEN = join(REPO, 'tests/golden');
const out = mkdtempSync(join(tmpdir(), 'gen-golden-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.each(['test', 'production'])('reference platform, %s', (env) => {
  it('builds and matches the golden files byte for byte', () => {
    const run = gen(['build', '--env', env, '--out', out], REPO);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const files = readdirSync(join(out, env)).sort();
    expect(files).toEqual([
      'api.template.json',
      'app.template.json',
      'data.template.json',
      'edge-global.template.json',
      'edge.template.json',
      'manifest.json',
      'monitoring.template.json',
      'network.template.json',
      'triggers.template.json',
    ]);
    for (const file of files) {
      const actual = readFileSync(join(out, env, file), 'utf8');
      const golden = join(GOLDEN, env, file);
      if (process.env.UPDATE_GOLDEN || !existsSync(golden)) {
        mkdirSync(join(GOLDEN, env), { recursive: true });
        writeFileSync(golden, actual);
      }
      expect(actual, `${env}/${file} differs from tests/golden (UPDATE_GOLDEN=1 after reviewing)`).toBe(readFileSync(golden, 'utf8'));
    }
  });

  it('is byte-identical on a second build', () => {
    const second = mkdtempSync(join(tmpdir(), 'gen-golden-2-'));
    try {
      expect(gen(['build', '--env', env, '--out', second], REPO).status).toBe(0);
      expect(gen(['build', '--env', env, '--out', out], REPO).status).toBe(0);
      for (const file of readdirSync(join(out, env))) {
        expect(readFileSync(join(second, env, file), 'utf8')).toBe(readFileSync(join(out, env, file), 'utf8'));
      }
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });
});
