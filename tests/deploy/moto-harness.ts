/** One moto_server for a test file (started and stopped by the tests), reset between tests; gen runs against it through the CLI. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMoto, resetMoto, type LocalEndpoint } from '../../generator/deploy/moto.js';
import { FIXTURES, GEN, REPO, type Run } from '../fixtures/run-fixture.js';
import { spawnSync } from 'node:child_process';

export { resetMoto };
export const startEndpoint = (): Promise<LocalEndpoint> => startMoto(REPO);

/** moto's own layers: the api stack needs OpenAPI-body support moto lacks (README, deploy). */
export const LOCAL_LAYERS = ['--stacks', 'data', 'app', 'monitoring'];

export function genAt(endpoint: LocalEndpoint, dir: string, args: string[]): Run {
  const result = spawnSync(process.execPath, [GEN, ...args, '--endpoint-url', endpoint.url], {
    cwd: dir, encoding: 'utf8',
    env: { ...process.env, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_ENDPOINT_URL: '', NO_COLOR: '1' },
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
