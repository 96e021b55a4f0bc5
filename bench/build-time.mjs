#!/usr/bin/env node
// Build time and peak memory of `gen build` (whole process, as users run it) against spec size:
// the reference platform, and specs made of 3, 10 and 30 renamed copies of it. Prints a table;
// asserts nothing. Usage: npm run bench [-- --runs 7 --sizes 1,3,10,30]
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { scaledProject } from './scaled-spec.mjs';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
const runs = Number(arg('runs', 5));
const sizes = arg('sizes', '1,3,10,30').split(',').map(Number);

function measure(dir, env) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['-r', join(repo, 'bench/rss-on-exit.cjs'), join(repo, 'bin/gen.js'), 'build', '--env', env, '--json', '--spec', join(dir, 'spec'), '--out', join(dir, 'out')], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rssKb = Number(/GEN_BENCH_MAX_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? 0);
  const report = JSON.parse(run.stdout);
  return { ms, rssKb, ok: report.ok, stacks: report.stacks, codes: [...new Set(report.diagnostics.map((d) => d.code))] };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`gen build benchmark: node ${process.version}, ${cpus().length} x ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GiB; median of ${runs} runs`);
console.log(['size', 'env', 'median ms', 'peak MiB', 'resources', 'stacks', 'result', 'ms vs 1x'].join('\t'));
const baseline = {};
for (const size of sizes) {
  const dir = scaledProject(size);
  for (const env of ['test', 'production']) {
    const results = Array.from({ length: runs }, () => measure(dir, env));
    const ms = median(results.map((r) => r.ms));
    const last = results[results.length - 1];
    baseline[env] ??= ms;
    const resources = last.stacks.reduce((n, s) => n + s.resources, 0);
    console.log([`${size}x`, env, ms.toFixed(0), (Math.max(...results.map((r) => r.rssKb)) / 1024).toFixed(0), resources || '-', last.stacks.length || '-',
      last.ok ? 'ok' : `failed: ${last.codes.join(',')}`, (ms / baseline[env]).toFixed(2)].join('\t'));
  }
  rmSync(dir, { recursive: true, force: true });
}
