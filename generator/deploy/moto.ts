/**
 * A local CloudFormation-compatible endpoint: moto_server on 127.0.0.1 and a free port (found
 * by findMotoServer). Used by `gen deploy --local` and by the deploy tests; whoever starts it stops it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

export interface LocalEndpoint {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

/** moto_server from the project's .venv, else gen's own (scripts/setup-python.sh), else PATH. */
export function findMotoServer(root: string): string | undefined {
  const candidates = [root, PACKAGE_ROOT].map((dir) => join(dir, '.venv', 'bin', 'moto_server'));
  const onPath = (process.env.PATH ?? '')
    .split(':')
    .filter(Boolean)
    .map((dir) => join(dir, 'moto_server'));
  return [...candidates, ...onPath].find((p) => existsSync(p));
}

/**
 * moto_server is Python and reads AWS_* settings through botocore: a user's profile (even an
 * empty AWS_PROFILE) makes its CloudFormation calls fail with HTML errors. It gets none of them.
 */
export function motoEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  return { ...env, AWS_ACCESS_KEY_ID: 'moto', AWS_SECRET_ACCESS_KEY: 'moto' };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Whether a moto_server answers at `url`. */
export async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/moto-api/`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

export async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode}`);
    if (await answers(url)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto_server did not answer on ${url} within ${timeoutMs / 1000} s`);
}

export async function startMoto(root: string): Promise<LocalEndpoint> {
  const binary = findMotoServer(root);
  if (!binary) throw new Error('moto_server not found: run `bash scripts/setup-python.sh` to install it into .venv');
  const port = await freePort();
  const child = spawn(binary, ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', env: motoEnvironment() });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child, 30_000);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, port, stop };
}

/** Forget everything moto holds (between tests). */
export async function resetMoto(url: string): Promise<void> {
  await fetch(`${url}/moto-api/reset`, { method: 'POST' });
}
