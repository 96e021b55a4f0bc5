/**
 * Workflows deployed with `gen deploy --env test --local` (the golden case with a definition
 * file and a short-form workflow), then started on the local endpoint.
 *
 * What moto 5.2.1 does with them, and so what this shows: it creates each
 * AWS::StepFunctions::StateMachine through CloudFormation with its name and role, but reads only
 * `DefinitionString` (gen writes `Definition`, an object, with DefinitionSubstitutions), so the
 * definition it keeps is empty, and it ignores the type, logging and tracing settings.
 * StartExecution is accepted and records a RUNNING execution with its input; moto does not run
 * it (its execution engine is off by default, needs a definition it reads, and cannot run Lambda
 * code without Docker). The definition itself is checked by cfn-lint (E3601) and the unit tests.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, GEN, REPO } from '../fixtures/run-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'gen-workflows-deploy-'));
const gen = (...args: string[]) =>
  spawnSync(process.execPath, [GEN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, AWS_ENDPOINT_URL: '', AWS_PROFILE: '', NO_COLOR: '1' },
  });

afterAll(() => {
  gen('local', 'stop');
  rmSync(dir, { recursive: true, force: true });
});

/** One Step Functions API call (AWS JSON 1.0), as the SDK would make it; moto does not check the signature. */
async function sfn(endpoint: string, action: string, body: object): Promise<any> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': `AWSStepFunctions.${action}`,
      Authorization:
        'AWS4-HMAC-SHA256 Credential=moto/20260101/eu-central-1/states/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  });
  expect(response.status, `${action}: ${await response.clone().text()}`).toBe(200);
  return response.json();
}

describe('gen deploy --local with workflows', () => {
  it('creates the state machines with their roles, and a started execution is recorded', async () => {
    for (const part of ['environments', 'handlers'])
      cpSync(join(FIXTURES, 'base', part), join(dir, part), { recursive: true });
    cpSync(join(REPO, 'tests/golden/sections/workflows/definition-file/spec'), join(dir, 'spec'), { recursive: true });
    const run = gen('deploy', '--env', 'test', '--local');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('data-test-app: CREATE_COMPLETE');
    const endpoint = (JSON.parse(readFileSync(join(dir, '.gen/local.json'), 'utf8')) as { url: string }).url;

    const { stateMachines } = await sfn(endpoint, 'ListStateMachines', {});
    expect(stateMachines.map((m: { name: string }) => m.name).sort()).toEqual(['test-backfill', 'test-quality-gate']);
    const arn = 'arn:aws:states:eu-central-1:123456789012:stateMachine:test-backfill';
    const machine = await sfn(endpoint, 'DescribeStateMachine', { stateMachineArn: arn });
    expect(machine.roleArn).toMatch(/^arn:aws:iam::123456789012:role\/.*BackfillStateMachineRole/);

    const { executionArn } = await sfn(endpoint, 'StartExecution', { stateMachineArn: arn, input: '{"days":[1,2]}' });
    const execution = await sfn(endpoint, 'DescribeExecution', { executionArn });
    expect([execution.status, execution.input, execution.stateMachineArn]).toEqual(['RUNNING', '{"days":[1,2]}', arn]);

    // Deploying again changes nothing.
    const again = gen('deploy', '--env', 'test', '--local');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/no change/i);
  }, 180_000);
});
