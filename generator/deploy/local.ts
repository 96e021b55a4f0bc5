/**
 * The local endpoint behind --local: one moto_server per project, kept running in the
 * background between commands (so a second deploy sees the first), recorded in .gen/local.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { answers, findMotoServer, freePort, motoEnvironment, waitUntilUp } from './moto.js';

export const LOCAL_CREDENTIALS = { accessKeyId: 'gen-local', secretAccessKey: 'gen-local' };
const stateFile = (root: string) => join(root, '.gen', 'local.json');

export async function runningEndpoint(root: string): Promise<{ url: string; pid: number } | undefined> {
  try {
    const state = JSON.parse(readFileSync(stateFile(root), 'utf8')) as { url: string; pid: number };
    return (await answers(state.url)) ? state : undefined;
  } catch {
    return undefined;
  }
}

export async function ensureLocalEndpoint(root: string): Promise<{ url: string; started: boolean }> {
  const running = await runningEndpoint(root);
  if (running) return { url: running.url, started: false };
  const binary = findMotoServer(root);
  if (!binary)
    throw new Error(
      'moto_server not found: run `bash scripts/setup-python.sh` (or `npm test` once) to install it into .venv',
    );
  const port = await freePort();
  // Detached and unreferenced: it outlives this command, so the next deploy sees what this one made.
  const child = spawn(binary, ['-H', '127.0.0.1', '-p', String(port)], {
    detached: true,
    stdio: 'ignore',
    env: motoEnvironment(),
  });
  child.unref();
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child, 30_000);
  mkdirSync(join(root, '.gen'), { recursive: true });
  writeFileSync(stateFile(root), JSON.stringify({ url, pid: child.pid }) + '\n');
  return { url, started: true };
}

export async function stopLocalEndpoint(root: string): Promise<boolean> {
  const running = await runningEndpoint(root);
  rmSync(stateFile(root), { force: true });
  if (!running) return false;
  try {
    process.kill(running.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  return true;
}
