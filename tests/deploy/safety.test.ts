/**
 * Issue 12 against the local endpoint (one moto_server for the file): the account pin on every
 * command, key type changes, placement untouched by a refused deploy, recovery from a killed run
 * (empty review shells, unexecuted change sets, Ctrl-C), the deploy lock, `--delete-data all`,
 * a spinner in a terminal of width 0, and no-change deploys that create no change set.
 * Terminals are real pseudo-terminals from util-linux `script`, which gives its child a terminal
 * of width 0 when it has none itself (as on CI).
 */
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DescribeStacksCommand,
  ListChangeSetsCommand,
  ListStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalEndpoint } from '../../generator/deploy/moto.js';
import { GEN, gen as genOffline } from '../fixtures/run-fixture.js';
import { edit, genAt, remove, resetMoto, shop, startEndpoint } from './moto-harness.js';

let endpoint: LocalEndpoint;
let dir: string;
const aws = () => ({
  region: 'eu-central-1',
  endpoint: endpoint.url,
  credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
});
const cfn = () => new CloudFormationClient(aws());
const gen = (...args: string[]) => genAt(endpoint, dir, args);
const deploy = (...extra: string[]) => gen('deploy', '--env', 'test', ...extra);
const status = async (name: string) =>
  (
    await cfn()
      .send(new DescribeStacksCommand({ StackName: name }))
      .catch(() => ({ Stacks: [] }))
  ).Stacks?.[0]?.StackStatus ?? 'none';
const unexecuted = async (stack: string) =>
  ((await cfn().send(new ListChangeSetsCommand({ StackName: stack }))).Summaries ?? [])
    .filter((s) => s.ExecutionStatus !== 'EXECUTE_COMPLETE')
    .map((s) => s.ChangeSetName);
const BUCKET = 'gen-artifacts-test-123456789012-eu-central-1';

/** gen in a pseudo-terminal of width 0; `answer` is typed once `prompt` appears. */
function inTerminal(
  args: string[],
  prompt?: string,
  answer?: string,
): Promise<{ status: number | null; output: string }> {
  const command = [process.execPath, GEN, ...args, '--endpoint-url', endpoint.url].map((a) => `'${a}'`).join(' ');
  const child = spawn('script', ['-qefc', command, '/dev/null'], {
    cwd: dir,
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_ENDPOINT_URL: '',
      NO_COLOR: '1',
    },
  });
  let output = '';
  let answered = false;
  child.stdout.on('data', (d) => {
    output += d;
    if (prompt && !answered && output.includes(prompt)) {
      answered = true;
      child.stdin.write(answer!);
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ status: code, output })));
}

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
});
afterEach(() => remove(dir));

describe('safety', () => {
  it('every command that talks to AWS checks the account pin first: destroy, bootstrap and diff refuse, nothing is deleted', async () => {
    expect(deploy().status).toBe(0);
    edit(dir, 'environments/test.yaml', (t) => `${t}account: "111111111111"\n`);
    for (const args of [
      ['destroy', '--env', 'test', '--yes', '--delete-data', 'all'],
      ['bootstrap', '--env', 'test'],
      ['diff', '--env', 'test'],
    ]) {
      const run = gen(...args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toContain(
        'these credentials are for account 123456789012, but the environment deploys to account 111111111111; nothing was changed',
      );
      expect(run.stderr).toContain(
        "fix: use credentials for account 111111111111 (--profile <name>), or correct 'account:' in environments/test.yaml",
      );
    }
    edit(dir, 'environments/production.yaml', (t) => `${t}account: "111111111111"\n`);
    expect(gen('destroy', '--env', 'production', '--force', '--yes').stderr).toContain(
      'deploys to account 111111111111; nothing was changed',
    );
    for (const layer of ['data', 'app', 'api', 'monitoring'])
      expect(await status(`shop-test-${layer}`)).toMatch(/_COMPLETE$/);
  });

  it('a key type change (table and index) is a replacement: diff shows it with why, deploy refuses', async () => {
    expect(deploy().status).toBe(0);
    edit(dir, 'spec/app.yaml', (t) =>
      t.replaceAll('{ name: createdAt, type: number }', '{ name: createdAt, type: string }'),
    );
    const diff = gen('diff', '--env', 'test');
    expect(diff.status).toBe(0);
    expect(diff.stdout).toMatch(/! replace +OrdersTable +AWS::DynamoDB::Table {2}CANNOT BE REPLACED/);
    expect(diff.stdout).toContain(
      'its keys change (table: partition customerId: string, sort createdAt: number → partition customerId: string, sort createdAt: string; index status-index: partition status: string, sort createdAt: number → partition status: string, sort createdAt: string)',
    );
    const run = deploy();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('~ Modify OrdersTable');
    expect(run.stderr).toContain('refusing to replace OrdersTable (AWS::DynamoDB::Table): its keys change');
    expect(await unexecuted('shop-test-data')).toEqual([]);
  });

  it('a refused deploy leaves placement/<env>.json as it was; the deploy that goes through records it', () => {
    edit(dir, 'spec/app.yaml', (t) =>
      t.replace('    ttl: expiresAt\n', '    ttl: expiresAt\n  customers:\n    partitionKey: id\n'),
    );
    expect(deploy().status).toBe(0);
    const placement = () => readFileSync(join(dir, 'placement/test.json'), 'utf8');
    const before = placement();
    expect(before).toContain('"CustomersTable": "data"');
    edit(dir, 'spec/app.yaml', (t) => t.replace('  customers:\n    partitionKey: id\n', ''));
    const refused = deploy();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('gen: placement/test.json left as it is: this deploy did not go through');
    expect(placement()).toBe(before);
    const through = deploy('--allow-replace', 'CustomersTable');
    expect(through.status, through.stderr).toBe(0);
    expect(through.stderr).toContain('gen: placement/test.json updated');
    expect(placement()).not.toContain('CustomersTable');
  });
});

describe('recovery', () => {
  it('cleans up what a killed run left: an empty review shell and an unexecuted change set', async () => {
    expect(genOffline(['build', '--env', 'test'], dir).status).toBe(0);
    const body = (layer: string) => readFileSync(join(dir, `out/test/${layer}.template.json`), 'utf8');
    // As a run killed right after creating its change sets leaves them.
    await cfn().send(
      new CreateChangeSetCommand({
        StackName: 'shop-test-data',
        ChangeSetName: 'gen-1',
        ChangeSetType: 'CREATE',
        TemplateBody: body('data'),
      }),
    );
    expect(await status('shop-test-data')).toBe('REVIEW_IN_PROGRESS');
    const run = deploy();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'shop-test-data: removing the empty stack left by an earlier run that never executed its change set',
    );
    const { StackSummaries = [] } = await cfn().send(new ListStacksCommand({}));
    expect(
      StackSummaries.filter((s) => s.StackName === 'shop-test-data' && s.StackStatus !== 'DELETE_COMPLETE').map(
        (s) => s.StackStatus,
      ),
    ).toEqual(['CREATE_COMPLETE']);

    await cfn().send(
      new CreateChangeSetCommand({
        StackName: 'shop-test-monitoring',
        ChangeSetName: 'gen-2',
        ChangeSetType: 'UPDATE',
        TemplateBody: body('monitoring'),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    const again = deploy();
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr, again.stderr).toContain(
      'shop-test-monitoring: deleting change set gen-2, left unexecuted by an earlier run',
    );
    expect(await unexecuted('shop-test-monitoring')).toEqual([]);
  });

  it('Ctrl-C while a protected deploy waits for approval: change set and empty stack deleted, states told, exit 130, the lock released', async () => {
    expect(gen('bootstrap', '--env', 'production').status).toBe(0);
    const run = await inTerminal(['deploy', '--env', 'production'], 'Apply these changes? [y/N]', '\x03');
    expect(run.status, run.output).toBe(130);
    expect(run.output).toContain('gen: SIGINT: stopping');
    expect(run.output).toContain(
      'shop-production-data: change set deleted before execution; the stack is as it was (it did not exist: nothing was created)',
    );
    expect(run.output).toContain('the deploy lock is released');
    expect(run.output).toContain('shop-production-app: not deployed');
    expect(await status('shop-production-data')).toBe('none');
    const next = gen('deploy', '--env', 'production', '--approve');
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).not.toContain('lock');
  });
});

describe('the deploy lock', () => {
  const holdLock = (owner: object) =>
    new S3Client({ ...aws(), forcePathStyle: true }).send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'locks/deploy.json',
        Body: JSON.stringify({ token: 'other', environment: 'test', ...owner }),
      }),
    );

  it('a second deploy is told who holds the lock and changes nothing; --break-lock takes it over, and the lock is gone afterwards', async () => {
    await holdLock({
      user: 'ci',
      host: 'ci-runner-7',
      pid: 4242,
      started: new Date(Date.now() - 10 * 60_000).toISOString(),
    });
    const blocked = deploy();
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toMatch(
      /another deploy of test holds the lock: ci@ci-runner-7 \(process 4242\), since \S+ \(10 min ago\); nothing was changed/,
    );
    expect(blocked.stderr).toContain('run again with --break-lock');
    expect(await status('shop-test-data')).toBe('none');
    const broken = deploy('--break-lock');
    expect(broken.status, broken.stderr).toBe(0);
    expect(broken.stderr).toContain('lock: taken over from ci@ci-runner-7 (process 4242)');
    await expect(
      new S3Client({ ...aws(), forcePathStyle: true }).send(
        new GetObjectCommand({ Bucket: BUCKET, Key: 'locks/deploy.json' }),
      ),
    ).rejects.toThrow();
  });

  it('a lock left by a killed process on this machine is taken over by itself', () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    return holdLock({ user: 'me', host: hostname(), pid: gone, started: new Date().toISOString() }).then(() => {
      const run = deploy();
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain(`lock: taken over from me@${hostname()} (process ${gone})`);
      expect(run.stderr).toContain('a run that is gone');
    });
  });
});

describe('destroy --delete-data all, terminals, no-change deploys', () => {
  it('--delete-data all: refused for a protected environment, a typed confirmation on a terminal, then everything goes', async () => {
    expect(deploy().status).toBe(0);
    const protectedRun = gen('destroy', '--env', 'production', '--force', '--yes', '--delete-data', 'all');
    expect(protectedRun.status).toBe(1);
    expect(protectedRun.stderr).toContain(
      '--delete-data all is for unprotected environments only, and production is protected',
    );
    const wrongName = await inTerminal(['destroy', '--env', 'test', '--delete-data', 'all'], 'to confirm: ', 'tset\r');
    expect(wrongName.status).toBe(1);
    expect(wrongName.output).toContain(
      'This deletes shop-test-data, shop-test-app, shop-test-api, shop-test-monitoring and the data in AlarmTopic, AlarmTopicKey, ApiAccessLogGroup, OrdersLogGroup, OrdersTable.',
    );
    expect(wrongName.output).toContain('gen: not destroyed (the name did not match)');
    expect(await status('shop-test-data')).toBe('CREATE_COMPLETE');
    const typed = await inTerminal(['destroy', '--env', 'test', '--delete-data', 'all'], 'to confirm: ', 'test\r');
    expect(typed.status, typed.output).toBe(0);
    expect(typed.output).toContain('gen: destroyed 4 stacks');
    expect(await status('shop-test-data')).toBe('none');
  });

  it('a terminal of width 0 gets plain progress lines, no spinner, and the deploy ends', async () => {
    const run = await inTerminal(['deploy', '--env', 'test']);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/\n {2}shop-test-data: shop-test-data AWS::CloudFormation::Stack CREATE_COMPLETE/);
    expect(run.output).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]|\x1b\[\?25l/); // ora's frames, its hidden cursor
    expect(run.output.length).toBeLessThan(20_000);
  });

  it('a no-change deploy skips unchanged stacks without a change set; --force makes them anyway', () => {
    expect(deploy().status).toBe(0);
    const run = deploy();
    expect(run.status, run.stderr).toBe(0);
    for (const layer of ['data', 'app', 'api', 'monitoring'])
      expect(run.stderr).toContain(`shop-test-${layer}: no changes (same template, parameters and tags as deployed)`);
    expect(run.stderr).toContain('gen: test is up to date: no changes');
    // The change set path says only "no changes" (CloudFormation's empty change set, deleted).
    const forced = deploy('--force');
    expect(forced.status, forced.stderr).toBe(0);
    for (const layer of ['data', 'app', 'api', 'monitoring'])
      expect(forced.stderr).toContain(`shop-test-${layer}: no changes\n`);
  });
});
