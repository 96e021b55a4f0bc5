#!/usr/bin/env node
// Deploy time of the reference platform on the local endpoint (moto_server on 127.0.0.1, started
// here): the first deploy, a no-change deploy (median of several), and a code-only deploy (one
// handler changed). Whole processes, as users run them. Prints a table; asserts nothing.
// Usage: node bench/deploy-time.mjs [--runs 5]   (also run by `npm run bench`, after gen build)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', 5));
const { findMotoServer, startMoto } = await import(join(repo, 'dist/deploy/moto.js'));

export async function deployBench() {
  if (!findMotoServer(repo)) {
    console.log('\ngen deploy benchmark: skipped, no moto_server (bash scripts/setup-python.sh installs it)');
    return;
  }
  const project = mkdtempSync(join(tmpdir(), 'gen-bench-deploy-'));
  for (const part of ['spec', 'handlers', 'environments', 'placement'])
    cpSync(join(repo, part), join(project, part), { recursive: true });
  const endpoint = await startMoto(repo);
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_ENDPOINT_URL: '',
    AWS_PROFILE: '',
    NO_COLOR: '1',
  };
  const gen = (...args) => {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [join(repo, 'bin/gen.js'), ...args, '--endpoint-url', endpoint.url], {
      cwd: project,
      env,
      encoding: 'utf8',
    });
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, ...run };
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows = [];
  const row = (what, results, note) =>
    rows.push([
      what,
      results.length,
      median(results.map((r) => r.ms)).toFixed(0),
      results.every((r) => r.status === 0)
        ? 'ok'
        : `failed: ${results
            .find((r) => r.status !== 0)
            .stderr.trim()
            .split('\n')
            .at(-1)}`,
      note(results.at(-1)),
    ]);
  try {
    const bootstrap = gen('bootstrap', '--env', 'test');
    row('bootstrap', [bootstrap], () => '');
    row(
      'first deploy',
      [gen('deploy', '--env', 'test')],
      (r) => /code: (\d+) function bundles/.exec(r.stderr)?.[0] ?? '',
    );
    const skipped = (r) =>
      `${(r.stderr.match(/no changes \(same template/g) ?? []).length} stacks skipped without a change set`;
    row(
      'no-change deploy',
      Array.from({ length: runs }, () => gen('deploy', '--env', 'test')),
      skipped,
    );
    const manifest = JSON.parse(readFileSync(join(project, 'out/test/manifest.json'), 'utf8'));
    const source = join(project, manifest.artifacts[0].source);
    const original = readFileSync(source, 'utf8');
    row(
      'code-only deploy',
      Array.from({ length: runs }, (_, i) => {
        writeFileSync(source, `${original}\nexport const genBenchRevision = ${i + 1};\n`);
        return gen('deploy', '--env', 'test');
      }),
      (r) =>
        `${/(\d+) uploaded/.exec(r.stderr)?.[1] ?? '?'} bundle uploaded; ${(r.stderr.match(/no changes \(same template/g) ?? []).length} stacks skipped`,
    );
  } finally {
    await endpoint.stop();
    rmSync(project, { recursive: true, force: true });
  }
  console.log(
    `\ngen deploy benchmark: reference platform, environment test, local endpoint (moto_server); median of ${runs} runs where repeated`,
  );
  console.log(['deploy', 'runs', 'median ms', 'result', 'notes'].join('\t'));
  for (const r of rows) console.log(r.join('\t'));
}

if (import.meta.url === `file://${process.argv[1]}`) await deployBench();
