/** The whole reference platform deployed to moto, its API's routes checked there, then deployed again: no changes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalEndpoint } from '../../generator/deploy/moto.js';
import { REPO } from '../fixtures/run-fixture.js';
import { platform } from '../reference/platform.js';
import { genAt, restApiRoutes, startEndpoint } from './moto-harness.js';

let endpoint: LocalEndpoint;
/** "METHOD /path" of every route in the reference inventory, sorted as the endpoint's list is. */
const referenceRoutes = () => (platform.routes as { method: string; path: string }[]).map((r) => `${r.method} ${r.path}`).sort();
const out = mkdtempSync(join(tmpdir(), 'gen-reference-deploy-'));
beforeAll(async () => { endpoint = await startEndpoint(); });
afterAll(async () => { await endpoint?.stop(); rmSync(out, { recursive: true, force: true }); });

describe('reference platform on a local endpoint', () => {
  it('deploys, then reports no changes on the second deploy', async () => {
    expect(genAt(endpoint, REPO, ['bootstrap', '--env', 'test']).status).toBe(0);
    const first = genAt(endpoint, REPO, ['deploy', '--env', 'test', '--out', out]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('code: 34 function bundles, 34 uploaded, 0 unchanged');
    expect(first.stderr).toContain('crypto-trading-test-data: 32 to add');
    expect(first.stderr).toContain('crypto-trading-test-app: 102 to add');
    expect(first.stderr).toContain('crypto-trading-test-api: created with its REST API first');
    expect(first.stderr).toMatch(/crypto-trading-test-api: \d+ to add, 0 to modify, 0 to remove/);
    expect(first.stderr).toContain('crypto-trading-test-monitoring: 71 to add');
    // Every route of the spec is a method of the API on the endpoint (plus CORS preflights).
    const routes = await restApiRoutes(endpoint);
    const specRoutes = referenceRoutes();
    expect(specRoutes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => !r.startsWith('OPTIONS '))).toEqual(specRoutes);
    const second = genAt(endpoint, REPO, ['deploy', '--env', 'test', '--out', out]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain('code: 34 function bundles, 0 uploaded, 34 unchanged');
    expect(second.stderr).toContain('gen: test is up to date: no changes');
  });
});
