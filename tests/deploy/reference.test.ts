/** The reference platform deployed to moto (data, app and monitoring layers), then deployed again: no changes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalEndpoint } from '../../generator/deploy/moto.js';
import { REPO } from '../fixtures/run-fixture.js';
import { genAt, LOCAL_LAYERS, startEndpoint } from './moto-harness.js';

let endpoint: LocalEndpoint;
const out = mkdtempSync(join(tmpdir(), 'gen-reference-deploy-'));
beforeAll(async () => { endpoint = await startEndpoint(); });
afterAll(async () => { await endpoint?.stop(); rmSync(out, { recursive: true, force: true }); });

describe('reference platform on a local endpoint', () => {
  it('deploys, then reports no changes on the second deploy', () => {
    expect(genAt(endpoint, REPO, ['bootstrap', '--env', 'test']).status).toBe(0);
    const first = genAt(endpoint, REPO, ['deploy', '--env', 'test', ...LOCAL_LAYERS, '--out', out]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('code: 34 function bundles, 34 uploaded, 0 unchanged');
    expect(first.stderr).toContain('crypto-trading-test-data: 32 to add');
    expect(first.stderr).toContain('crypto-trading-test-app: 102 to add');
    const second = genAt(endpoint, REPO, ['deploy', '--env', 'test', ...LOCAL_LAYERS, '--out', out]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain('code: 34 function bundles, 0 uploaded, 34 unchanged');
    expect(second.stderr).toContain('gen: test is up to date: no changes');
  });
});
