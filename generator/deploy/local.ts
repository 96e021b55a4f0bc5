/**
 * The local endpoint behind --local: one moto_server per project, kept running in the
 * background between commands (so a second deploy sees the first), recorded in .gen/local.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMotoServer } from './moto.js';

export const LOCAL_CREDENTIALS = { accessKeyId: 'gen-local', secretAccessKey: 'gen-local' };
const stateFile = (root: string) => join(root, '.gen', 'local.json');

async function answers(url: string): Promise<boolean> {
  try { return (await fetch(`${url}/moto-api/`, { signal: AbortSignal.timeout(1000) })).ok; } catch { return false; }
}

export async function runningEndpoint(root: string): Promise<{ url: string; pid: number } | undefined> {
  try {
    const state = JSON.parse(readFileSync(stateFile(root), 'utf8')) as { url: string; pid: number };
    return (await answers(state.url)) ? state : undefined;
  } catch { return undefined; }
}

export async function ensureLocalEndpoint(root: string): Promise<{ url: string; started: boolean }> {
  const running = await runningEndpoint(root);
  if (running) return { url: running.url, started: false };
  const binary = findMotoServer(root);
  if (!binary) throw new Error('moto_server not found: run `bash scripts/setup-python.sh` (or `npm test` once) to install it into .venv');
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); }); });
  const child = spawn(binary, ['-H', '127.0.0.1', '-p', String(port)], { detached: true, stdio: 'ignore' });
  child.unref();
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300 && !(await answers(url)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await answers(url))) throw new Error(`moto_server did not start on ${url}`);
  mkdirSync(join(root, '.gen'), { recursive: true });
  writeFileSync(stateFile(root), JSON.stringify({ url, pid: child.pid }) + '\n');
  return { url, started: true };
}

export async function stopLocalEndpoint(root: string): Promise<boolean> {
  const running = await runningEndpoint(root);
  rmSync(stateFile(root), { force: true });
  if (!running) return false;
  try { process.kill(running.pid, 'SIGTERM'); } catch { /* already gone */ }
  return true;
}
