/**
 * gen secret list / put against a real moto_server. moto's CloudFormation does not create
 * AWS::SecretsManager::Secret (deploy/moto-types.ts), so the test creates the secret the data
 * stack would (same name, no value) through Secrets Manager's API, then drives the CLI.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEndpoint } from '../../generator/deploy/moto.js';
import { secretValueOf } from '../../generator/deploy/secrets.js';
import { GEN } from '../fixtures/run-fixture.js';
import { edit, remove, shop, startEndpoint } from './moto-harness.js';

const SECRETS = `
keys:
  secrets: { description: Encrypts provider credentials }
secrets:
  binance-api: { description: Binance API key }
  db-login: { generate: { field: password, template: { username: app } } }
`;

let endpoint: LocalEndpoint;
let dir: string;
let sm: SecretsManagerClient;

const gen = (args: string[], input?: string) => {
  const run = spawnSync(process.execPath, [GEN, ...args, '--env', 'test', '--endpoint-url', endpoint.url], {
    cwd: dir,
    encoding: 'utf8',
    input: input ?? '',
    env: { ...process.env, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', NO_COLOR: '1' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
};

beforeAll(async () => {
  endpoint = await startEndpoint();
  dir = shop();
  edit(dir, 'spec/app.yaml', (text) => text + SECRETS);
  sm = new SecretsManagerClient({
    region: 'eu-central-1',
    endpoint: endpoint.url,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
});

afterAll(async () => {
  await endpoint?.stop();
  if (dir) remove(dir);
});

const states = () => JSON.parse(gen(['secret', 'list', '--json']).stdout).secrets as { name: string; state: string }[];

describe('gen secret', () => {
  it('lists the spec secrets as not deployed before the data stack exists, and exits 0', () => {
    const run = gen(['secret', 'list', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).secrets).toMatchObject([
      { name: 'binance-api', secretId: 'test/shop/binance-api', state: 'missing', generated: false },
      { name: 'db-login', secretId: 'test/shop/db-login', state: 'missing', generated: true },
    ]);
  });

  it('refuses to put a value into a secret that is not deployed; on moto, says a deploy there will not create it', () => {
    const run = gen(['secret', 'put', 'binance-api'], 'value');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('secret test/shop/binance-api does not exist');
    expect(run.stderr).toContain("moto's CloudFormation skips AWS::SecretsManager::Secret");
    expect(run.stderr).toContain(
      `aws secretsmanager create-secret --name test/shop/binance-api --endpoint-url ${endpoint.url}`,
    );
  });

  it('notes on moto, beside the list, that a local deploy leaves secrets not deployed', () => {
    const run = gen(['secret', 'list']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('binance-api              test/shop/binance-api                    not deployed');
    expect(run.stderr).toContain('on the local endpoint (moto) gen deploy does not create secrets');
  });

  it('reports a deployed secret without a value as such, and exits 1 so CI can gate on it', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'test/shop/binance-api' }));
    const run = gen(['secret', 'list']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/binance-api\s+test\/shop\/binance-api\s+no value yet: gen secret put/);
    expect(run.stdout).toMatch(/db-login\s+test\/shop\/db-login\s+not deployed/);
  });

  it('sets the value from stdin without its trailing line break, and the secret then lists as set', async () => {
    const run = gen(['secret', 'put', 'binance-api'], '{"key":"k","secret":"s"}\n');
    expect(run.stderr).toContain('test/shop/binance-api set');
    expect(run.status).toBe(0);
    const value = await sm.send(new GetSecretValueCommand({ SecretId: 'test/shop/binance-api' }));
    expect(value.SecretString).toBe('{"key":"k","secret":"s"}');
    expect(states().find((s) => s.name === 'binance-api')?.state).toBe('set');
  });

  it('sets a new version from --file, keeping the previous one', async () => {
    writeFileSync(join(dir, 'value.txt'), 'second');
    expect(gen(['secret', 'put', 'binance-api', '--file', 'value.txt']).status).toBe(0);
    const value = await sm.send(new GetSecretValueCommand({ SecretId: 'test/shop/binance-api' }));
    expect(value.SecretString).toBe('second');
    const versions = await sm.send(new ListSecretVersionIdsCommand({ SecretId: 'test/shop/binance-api' }));
    expect((versions.Versions ?? []).flatMap((v) => v.VersionStages ?? [])).toContain('AWSPREVIOUS');
  });

  it('names the closest secret for a misspelt one and changes nothing', () => {
    const run = gen(['secret', 'put', 'binance'], 'x');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("the spec has no secret 'binance'. Did you mean 'binance-api'?");
  });

  it('refuses an empty value', () => {
    const run = gen(['secret', 'put', 'binance-api'], '\n');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the value is empty; nothing was changed');
  });

  it('takes one trailing line break off a value, and only one', () => {
    expect(secretValueOf('a\n')).toBe('a');
    expect(secretValueOf('a\r\n')).toBe('a');
    expect(secretValueOf('a\n\n')).toBe('a\n');
    expect(secretValueOf('line 1\nline 2')).toBe('line 1\nline 2');
  });
});
