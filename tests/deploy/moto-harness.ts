/** One moto_server for a test file (started and stopped by the tests), reset between tests; gen runs against it through the CLI. */
import { APIGatewayClient, GetResourcesCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMoto, resetMoto, type LocalEndpoint } from '../../generator/deploy/moto.js';
import { FIXTURES, GEN, REPO, type Run } from '../fixtures/run-fixture.js';
import { spawnSync } from 'node:child_process';

export { resetMoto };
export const startEndpoint = (): Promise<LocalEndpoint> => startMoto(REPO);

/** "METHOD /path" for every method of every REST API the endpoint holds, sorted. */
export async function restApiRoutes(endpoint: { url: string }): Promise<string[]> {
  const client = new APIGatewayClient({
    region: 'eu-central-1',
    endpoint: endpoint.url,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  const routes: string[] = [];
  for (const api of (await client.send(new GetRestApisCommand({}))).items ?? []) {
    for (const resource of (await client.send(new GetResourcesCommand({ restApiId: api.id, limit: 500 }))).items ??
      []) {
      for (const method of Object.keys(resource.resourceMethods ?? {})) routes.push(`${method} ${resource.path}`);
    }
  }
  return routes.sort();
}

export function genAt(endpoint: LocalEndpoint, dir: string, args: string[]): Run {
  const result = spawnSync(process.execPath, [GEN, ...args, '--endpoint-url', endpoint.url], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_ENDPOINT_URL: '',
      NO_COLOR: '1',
    },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, dir };
}

export function shop(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-deploy-'));
  cpSync(join(FIXTURES, 'base'), dir, { recursive: true });
  return dir;
}

export function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

export const remove = (dir: string) => rmSync(dir, { recursive: true, force: true });
