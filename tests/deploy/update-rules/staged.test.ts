/**
 * The AWS update rules through the CLI against moto_server: two indexes added to a deployed table
 * are shown by `gen diff` with the steps, then deployed by `gen deploy` one index per change set
 * (moto would take both at once; CloudFormation on AWS would not); a refused change
 * (GEN702) stops `gen diff` and `gen deploy` with exit 1 at its spec line, before anything changes.
 */
import { CloudFormationClient, GetTemplateCommand, ListChangeSetsCommand } from '@aws-sdk/client-cloudformation';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalEndpoint } from '../../../generator/deploy/moto.js';
import { edit, genAt, remove, resetMoto, shop, startEndpoint } from '../moto-harness.js';

let endpoint: LocalEndpoint;
let dir: string;
const aws = () => ({
  region: 'eu-central-1',
  endpoint: endpoint.url,
  credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
});
const gen = (...args: string[]) => genAt(endpoint, dir, args);

beforeAll(async () => {
  endpoint = await startEndpoint();
});
afterAll(async () => {
  await endpoint?.stop();
});
beforeEach(async () => {
  await resetMoto(endpoint.url);
  dir = shop();
  expect(gen('bootstrap', '--env', 'test').status).toBe(0);
  const first = gen('deploy', '--env', 'test');
  expect(first.status, first.stderr).toBe(0);
});
afterEach(() => remove(dir));

const addTwoIndexes = (text: string) =>
  text.replace(
    '    ttl: expiresAt',
    [
      '      by-customer:',
      '        partitionKey: customerId',
      '        sortKey: { name: total, type: number }',
      '      by-region:',
      '        partitionKey: region',
      '    ttl: expiresAt',
    ].join('\n'),
  );

describe('staged index changes', () => {
  it('gen diff shows the steps and the warning at the spec line; gen deploy makes one change set per index', async () => {
    edit(dir, 'spec/app.yaml', addTwoIndexes);
    const diff = gen('diff', '--env', 'test');
    expect(diff.status, diff.stderr).toBe(0);
    expect(diff.stdout).toContain(
      'shop-test-data: deployed in 2 steps (one index change per table and step):\n  step 1: OrdersTable: add by-customer\n  step 2: OrdersTable: add by-region',
    );
    expect(diff.stderr).toMatch(/^spec\/app\.yaml:14:7: warning GEN701: OrdersTable changes 2 indexes in one update/m);

    const run = gen('deploy', '--env', 'test');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('shop-test-data: step 1 of 2: OrdersTable: add by-customer');
    expect(run.stderr).toContain('shop-test-data: step 2 of 2: OrdersTable: add by-region');
    // Each step was its own change set: the first added one index (and its key attribute) only.
    const steps = run.stderr.split('shop-test-data: step 2 of 2')[0];
    expect(steps.match(/~ Modify +OrdersTable/g)?.length).toBe(1);
    // moto does not apply index changes to the table itself: the stack's change sets and template tell what was sent.
    const executed = (
      (await new CloudFormationClient(aws()).send(new ListChangeSetsCommand({ StackName: 'shop-test-data' })))
        .Summaries ?? []
    ).filter((c) => c.StackName === 'shop-test-data' && c.ExecutionStatus === 'EXECUTE_COMPLETE');
    expect(executed).toHaveLength(3); // the first deploy, then one per step
    const { TemplateBody } = await new CloudFormationClient(aws()).send(
      new GetTemplateCommand({ StackName: 'shop-test-data' }),
    );
    expect(JSON.parse(TemplateBody!).Resources.OrdersTable.Properties.GlobalSecondaryIndexes).toHaveLength(3);
    expect(gen('deploy', '--env', 'test').stderr).toContain('gen: test is up to date: no changes');
  });

  it('--no-execute reviews the first step only and says the rest follow', () => {
    edit(dir, 'spec/app.yaml', addTwoIndexes);
    const run = gen('deploy', '--env', 'test', '--no-execute');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('shop-test-data: steps 2 to 2 are reviewed once step 1 is deployed (--no-execute)');
  });
});

describe('a change AWS refuses', () => {
  const machine = (type: string) =>
    [
      '',
      'resources:',
      '  FulfilmentStateMachine:',
      '    layer: app',
      '    type: AWS::StepFunctions::StateMachine',
      '    properties:',
      '      StateMachineName: test-fulfilment',
      `      StateMachineType: ${type}`,
      '      RoleArn: arn:aws:iam::123456789012:role/fulfilment',
      '      Definition: { StartAt: Done, States: { Done: { Type: Succeed } } }',
      '',
    ].join('\n');

  it('stops gen diff and gen deploy with exit 1 at the spec line, before anything changes', async () => {
    edit(dir, 'spec/app.yaml', (t) => t + machine('STANDARD'));
    expect(gen('deploy', '--env', 'test').status).toBe(0);
    edit(dir, 'spec/app.yaml', (t) => t.replace('StateMachineType: STANDARD', 'StateMachineType: EXPRESS'));
    const diff = gen('diff', '--env', 'test');
    expect(diff.status).toBe(1);
    expect(diff.stderr).toMatch(
      /^spec\/app\.yaml:40:3: error GEN702: FulfilmentStateMachine \(AWS::StepFunctions::StateMachine\) would be replaced/m,
    );
    const run = gen('deploy', '--env', 'test');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^spec\/app\.yaml:40:3: error GEN702: /m);
    expect(run.stderr).toContain(
      'gen: deploy stopped: CloudFormation on AWS would refuse this change (GEN702 FulfilmentStateMachine); nothing was changed',
    );
    expect(run.stderr).not.toContain('change set');
  });
});
