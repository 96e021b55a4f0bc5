/**
 * gen drift (issue 17): drift detection on each deployed stack, printed as `gen diff` prints.
 * moto 5.2 has no drift detection, so CloudFormation's answers are replayed from
 * tests/deploy/recorded/drift.json (origin stated there); against moto_server the command says
 * the endpoint cannot detect drift and exits 1 instead of failing as an internal error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectDrift, formatDrift } from '../../generator/deploy/drift.js';
import type { LocalEndpoint } from '../../generator/deploy/moto.js';
import type { Clients } from '../../generator/deploy/target.js';
import { genAt, remove, resetMoto, shop, startEndpoint } from './moto-harness.js';

type Responses = Record<string, unknown[]>;
function replay(responses: Responses) {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const queues = Object.fromEntries(
    Object.entries(responses)
      .filter(([k]) => !k.startsWith('_'))
      .map(([k, v]) => [k, [...v]]),
  );
  const send = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const name = command.constructor.name.replace(/Command$/, '');
    calls.push({ name, input: command.input });
    const queue = queues[name];
    if (!queue || queue.length === 0) throw new Error(`no recorded response left for ${name}`);
    const next = (queue.length > 1 ? queue.shift() : queue[0]) as { __error?: string };
    if (next.__error) throw Object.assign(new Error(next.__error), { name: 'ValidationError' });
    return next;
  };
  return { clients: { region: 'eu-central-1', cfn: { send } } as unknown as Clients, calls };
}
const recorded = () =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'recorded', 'drift.json'), 'utf8'), (key, value) =>
    key === 'Timestamp' || key === 'CreationTime' ? new Date(value) : value,
  ) as Responses;

describe('drift detection (recorded responses)', () => {
  it('detects each deployed stack, waits for the detection, reads every page, and prints as gen diff does', async () => {
    const { clients, calls } = replay(recorded());
    const stacks = await detectDrift(
      clients,
      ['shop-production-data', 'shop-production-app', 'shop-production-api'],
      0,
    );
    expect(calls.filter((c) => c.name === 'DetectStackDrift').map((c) => c.input.StackName)).toEqual([
      'shop-production-data',
      'shop-production-app',
    ]);
    expect(calls.filter((c) => c.name === 'DescribeStackResourceDrifts').map((c) => c.input.NextToken)).toEqual([
      undefined,
      'page-2',
      undefined,
    ]);
    expect(stacks.map((s) => [s.stackName, s.status, s.drifted.length, s.notChecked])).toEqual([
      ['shop-production-data', 'DRIFTED', 2, 1],
      ['shop-production-app', 'DRIFTED', 1, 0],
      ['shop-production-api', 'NOT_DEPLOYED', 0, 0],
    ]);
    expect(formatDrift(stacks, (id) => (id === 'OrdersTable' ? '  (spec/app.yaml:6:3)' : ''))).toBe(
      [
        'shop-production-data: 2 drifted (1 not checked: their types have no drift detection)',
        '  - deleted     JobsQueue                                    AWS::SQS::Queue',
        '  ~ modified    OrdersTable                                  AWS::DynamoDB::Table  (spec/app.yaml:6:3)',
        '      /BillingMode: PROVISIONED → PAY_PER_REQUEST',
        '      /ProvisionedThroughput: {"ReadCapacityUnits":5,"WriteCapacityUnits":5} → (none) (remove)',
        'shop-production-app: 1 drifted',
        '  ~ modified    OrdersLogGroup                               AWS::Logs::LogGroup',
        '      /RetentionInDays: 90 → 30',
        'shop-production-api: not deployed',
      ].join('\n'),
    );
  });

  it('a stack in sync says so', async () => {
    const responses = recorded();
    responses.DescribeStacks = [responses.DescribeStacks[0]];
    responses.DescribeStackDriftDetectionStatus = [
      { StackDriftDetectionId: 'd-data', StackDriftStatus: 'IN_SYNC', DetectionStatus: 'DETECTION_COMPLETE' },
    ];
    responses.DescribeStackResourceDrifts = [
      { StackResourceDrifts: [{ LogicalResourceId: 'OrdersTable', StackResourceDriftStatus: 'IN_SYNC' }] },
    ];
    const { clients } = replay(responses);
    const stacks = await detectDrift(clients, ['shop-production-data'], 0);
    expect(formatDrift(stacks)).toBe('shop-production-data: in sync');
  });
});

describe('gen drift on the local endpoint', () => {
  let endpoint: LocalEndpoint;
  beforeAll(async () => {
    endpoint = await startEndpoint();
  });
  afterAll(async () => {
    await endpoint?.stop();
  });
  it('says moto cannot detect drift, and exits 1 (not an internal error)', async () => {
    await resetMoto(endpoint.url);
    const dir = shop();
    try {
      expect(genAt(endpoint, dir, ['bootstrap', '--env', 'test']).status).toBe(0);
      expect(genAt(endpoint, dir, ['deploy', '--env', 'test']).status).toBe(0);
      const run = genAt(endpoint, dir, ['drift', '--env', 'test']);
      expect(run.stderr).toMatch(
        /^gen: the endpoint does not run drift detection \(moto has no DetectStackDrift\); drift detection needs CloudFormation on AWS$/m,
      );
      expect(run.status).toBe(1);
    } finally {
      remove(dir);
    }
  });
});
