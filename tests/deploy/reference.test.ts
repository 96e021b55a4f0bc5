/**
 * The "done when", as a user runs it: in a copy of the reference project,
 * `gen deploy --env test --local` deploys the whole platform to a local endpoint it starts
 * (API included: every route is a method of the API there), the same command again reports
 * no changes, and `gen local stop` ends the endpoint.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { answers } from '../../generator/deploy/moto.js';
import { GEN, REPO } from '../fixtures/run-fixture.js';
import { platform } from '../reference/platform.js';
import { restApiRoutes } from './moto-harness.js';

const project = mkdtempSync(join(tmpdir(), 'gen-reference-local-'));
for (const part of ['spec', 'handlers', 'environments', 'placement'])
  cpSync(join(REPO, part), join(project, part), { recursive: true });
const gen = (...args: string[]) =>
  spawnSync(process.execPath, [GEN, ...args], {
    // An empty AWS_PROFILE (as some shells leave it) once broke the moto_server gen starts.
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, AWS_ENDPOINT_URL: '', AWS_PROFILE: '', NO_COLOR: '1' },
  });
/** "METHOD /path" of every route in the reference inventory, sorted as the endpoint's list is. */
const referenceRoutes = () =>
  (platform.routes as { method: string; path: string }[]).map((r) => `${r.method} ${r.path}`).sort();

afterAll(() => {
  gen('local', 'stop');
  rmSync(project, { recursive: true, force: true });
});

describe('gen deploy --local on the reference platform', () => {
  it('deploys everything, then reports no changes; gen local stop ends the endpoint', async () => {
    const first = gen('deploy', '--env', 'test', '--local');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/gen: local endpoint http:\/\/127\.0\.0\.1:\d+ started/);
    expect(first.stderr).toContain('code: 34 function bundles, 34 uploaded, 0 unchanged');
    // Every stack is created with what its template holds (counts from the manifest the build wrote).
    const manifest = JSON.parse(readFileSync(join(project, 'out/test/manifest.json'), 'utf8')) as {
      stacks: { stackName: string; layer: string; resources: number }[];
    };
    expect(manifest.stacks.map((s) => s.layer)).toEqual([
      'network',
      'data',
      'app',
      'triggers',
      'api',
      'edge-global',
      'edge',
      'monitoring',
    ]);
    for (const stack of manifest.stacks.filter((s) => s.layer !== 'api'))
      expect(first.stderr).toContain(`${stack.stackName}: ${stack.resources} to add, 0 to modify, 0 to remove`);
    expect(first.stderr).toContain('crypto-trading-test-api: created with its REST API first');
    expect(first.stderr).toMatch(/crypto-trading-test-api: \d+ to add, 0 to modify, 0 to remove/);
    // What moto does not create is named once (alarms, policies, subscriptions, schedules...).
    expect(first.stderr).toMatch(
      /local endpoint: moto does not create [^\n]*AWS::CloudWatch::Alarm \(68\)[^\n]*AWS::Scheduler::Schedule \(3\)/,
    );
    expect(first.stderr).toContain(`gen: test deployed (${manifest.stacks.length} stacks changed)`);

    const { url } = JSON.parse(readFileSync(join(project, '.gen/local.json'), 'utf8')) as { url: string };
    // Every route of the spec is a method of the API on the endpoint (plus CORS preflights).
    const specRoutes = referenceRoutes();
    expect(specRoutes.length).toBeGreaterThan(50);
    expect((await restApiRoutes({ url })).filter((r) => !r.startsWith('OPTIONS '))).toEqual(specRoutes);

    // The edge: moto makes the hosted zone and its records (the distribution's id a placeholder, as
    // moto makes no CloudFront), in us-east-1 for edge-global and the environment's region for edge.
    const made = async (region: string, stack: string) => {
      const cfn = new CloudFormationClient({
        region,
        endpoint: url,
        credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
      });
      const { StackResources = [] } = await cfn.send(new DescribeStackResourcesCommand({ StackName: stack }));
      return StackResources.filter((r) => r.PhysicalResourceId).map((r) => r.LogicalResourceId);
    };
    expect(await made('us-east-1', 'crypto-trading-test-edge-global')).toEqual(
      expect.arrayContaining(['HostedZone', 'SiteARecord', 'SiteAaaaRecord']),
    );
    expect(await made('eu-central-1', 'crypto-trading-test-edge')).toContain('ApiARecord');

    const second = gen('deploy', '--env', 'test', '--local');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain(`gen: local endpoint ${url} (kept running`);
    expect(second.stderr).toContain('code: 34 function bundles, 0 uploaded, 34 unchanged');
    expect(second.stderr).toContain('gen: test is up to date: no changes');

    expect(gen('local', 'status').stdout).toContain(`running at ${url}`);
    expect(gen('local', 'stop').stdout).toBe('stopped\n');
    expect(await answers(url)).toBe(false);
    expect(gen('local', 'status').stdout).toBe('not running\n');
  });
});
