/**
 * Errors from the user's environment (issue 12, point 11): no credentials, an unknown profile,
 * a rejected token, a denied request, an endpoint that is down or answers with an HTML page.
 * Each exits 1 with what was tried and a fix, never 3 ("internal error"); --json carries the
 * same as an object. The rejected token, the denial and the HTML page are replayed from
 * tests/deploy/recorded/sts-errors.json by a local HTTP server (its origin is stated in the file).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GEN } from '../fixtures/run-fixture.js';
import { remove, shop } from './moto-harness.js';

const recorded = JSON.parse(readFileSync(join(import.meta.dirname, 'recorded', 'sts-errors.json'), 'utf8')) as Record<
  string,
  { status: number; contentType: string; body: string }
>;
let server: Server;
let base: string;
let dir: string;

/**
 * gen with no credentials anywhere but what a case gives it (no ~/.aws, no instance role).
 * Asynchronous: the replaying server runs in this process and must keep answering.
 */
function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('AWS_') || k === 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
    ),
  );
  const child = spawn(process.execPath, [GEN, ...args], {
    cwd: dir,
    env: {
      ...clean,
      AWS_CONFIG_FILE: join(dir, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      NO_COLOR: '1',
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

beforeAll(async () => {
  // Answers every request with the recording named by the first path segment.
  server = createServer((request, response) => {
    const answer = recorded[request.url!.split('/')[1]];
    request.resume();
    request.on('end', () => {
      response.writeHead(answer.status, { 'content-type': answer.contentType });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  dir = shop();
});
afterAll(() => {
  server?.close();
  remove(dir);
});

const KEYS = { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example' };

describe('errors from the environment exit 1 with what was tried', () => {
  it('no credentials at all', async () => {
    const r = await run(['deploy', '--env', 'test']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('gen: no usable AWS credentials');
    expect(r.stderr).toContain('tried: credentials from the default chain');
    expect(r.stderr).toContain('region eu-central-1, endpoint AWS (eu-central-1)');
    expect(r.stderr).toContain('fix: set credentials: --profile <name>');
    expect(r.stderr).not.toContain('internal error');
  });

  it('an unknown --profile, as JSON', async () => {
    const r = await run(['diff', '--env', 'test', '--profile', 'nope', '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      command: 'diff',
      environment: 'test',
      ok: false,
      error: expect.objectContaining({
        kind: 'credentials',
        profile: 'nope',
        region: 'eu-central-1',
        endpoint: null,
        fix: expect.stringContaining("profile 'nope'"),
      }),
    });
  });

  it('an unreachable endpoint', async () => {
    const r = await run(['destroy', '--env', 'test', '--yes', '--endpoint-url', 'http://127.0.0.1:1'], KEYS);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('gen: could not reach http://127.0.0.1:1: connect ECONNREFUSED');
    expect(r.stderr).toContain('endpoint http://127.0.0.1:1');
    expect(r.stderr).toContain('fix: start the endpoint');
  });

  it('a rejected token', async () => {
    const r = await run(
      ['deploy', '--env', 'test', '--region', 'us-east-1', '--endpoint-url', `${base}/InvalidClientTokenId`],
      KEYS,
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'gen: AWS rejected the credentials (InvalidClientTokenId): The security token included in the request is invalid.',
    );
    expect(r.stderr).toContain(`region us-east-1, endpoint ${base}/InvalidClientTokenId`);
  });

  it('a denied request, as JSON', async () => {
    const r = await run(['deploy', '--env', 'test', '--json', '--endpoint-url', `${base}/AccessDenied`], KEYS);
    expect(r.status).toBe(1);
    const { error } = JSON.parse(r.stdout);
    expect(error.kind).toBe('access-denied');
    expect(error.message).toContain(
      'these credentials may not do this (AccessDenied): User: arn:aws:iam::123456789012:user/ci is not authorized',
    );
  });

  it("an endpoint answering with an HTML page: its status and its own message, not the SDK's parse error", async () => {
    const r = await run(['bootstrap', '--env', 'test', '--endpoint-url', `${base}/proxy-html`], KEYS);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `gen: the endpoint did not answer like AWS: ${base}/proxy-html answered HTTP 502: 502 Bad Gateway Bad Gateway The proxy could not reach the upstream server.`,
    );
    expect(r.stderr).not.toMatch(/XML parse error|internal error/);
  });
});
