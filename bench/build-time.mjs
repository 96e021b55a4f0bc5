#!/usr/bin/env node
// Build time and peak memory of `gen build` (whole process, as users run it) against spec size:
// the reference platform, and specs made of 3, 10 and 30 renamed copies of it (bench/scaled-spec.mjs).
// For each size: each environment alone, and both in one process (`--env test,production`).
// Prints a table; asserts nothing. Usage: npm run bench [-- --runs 7 --sizes 1,3,10,30 --no-deploy]
// Without --runs, small sizes get more runs (21 at 1x): their medians move most with machine noise.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { scaledProject } from './scaled-spec.mjs';

const repo = resolve(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const fixedRuns = arg('runs', undefined);
const runsFor = (size) => Number(fixedRuns ?? Math.max(5, Math.round(21 / size)));
const sizes = arg('sizes', '1,3,10,30').split(',').map(Number);

function measure(dir, envs) {
  const started = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    [
      '-r',
      join(repo, 'bench/rss-on-exit.cjs'),
      join(repo, 'bin/gen.js'),
      'build',
      '--env',
      envs,
      '--json',
      '--spec',
      join(dir, 'spec'),
      '--out',
      join(dir, 'out'),
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rssKb = Number(/GEN_BENCH_MAX_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? 0);
  const json = JSON.parse(run.stdout);
  const reports = json.results ?? [json];
  return {
    ms,
    rssKb,
    ok: json.ok,
    stacks: reports.flatMap((r) => r.stacks),
    codes: [...new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.code)))],
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const node0 = median(
  Array.from({ length: runsFor(1) }, () => {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    return Number(process.hrtime.bigint() - t) / 1e6;
  }),
);
const header = `node ${process.version}, ${cpus().length} x ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GiB; median of ${sizes.map((size) => `${runsFor(size)} runs at ${size}x`).join(', ')}; \`node -e 0\` takes ${node0.toFixed(0)} ms`;
const rows = [];
console.log(
  `gen build benchmark: node ${process.version}, ${cpus().length} x ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GiB; median of ${sizes.map((size) => `${runsFor(size)} runs at ${size}x`).join(', ')}; \`node -e 0\` takes ${node0.toFixed(0)} ms`,
);
console.log(['size', 'environments', 'median ms', 'peak MiB', 'resources', 'stacks', 'result', 'ms vs 1x'].join('\t'));
const baseline = {};
for (const size of sizes) {
  const dir = scaledProject(size);
  for (const envs of ['test', 'production', 'test,production']) {
    measure(dir, envs); // first build writes the placement files; measure steady state
    const results = Array.from({ length: runsFor(size) }, () => measure(dir, envs));
    const ms = median(results.map((r) => r.ms));
    const last = results[results.length - 1];
    baseline[envs] ??= ms;
    const resources = last.stacks.reduce((n, s) => n + s.resources, 0);
    const row = [
      `${size}x`,
      envs,
      ms.toFixed(0),
      (Math.max(...results.map((r) => r.rssKb)) / 1024).toFixed(0),
      resources || '-',
      last.stacks.length || '-',
      last.ok ? 'ok' : `failed: ${last.codes.join(',')}`,
      (ms / baseline[envs]).toFixed(2),
    ];
    rows.push(row);
    console.log(row.join('\t'));
  }
  rmSync(dir, { recursive: true, force: true });
}

// --readme: the README's figures are this run's, written between its bench markers (never by hand).
if (process.argv.includes('--readme')) {
  const readme = new URL('../README.md', import.meta.url);
  const text = readFileSync(readme, 'utf8');
  const table = [
    `Latest figures (\`node bench/build-time.mjs --readme\`, ${new Date().toISOString().slice(0, 10)}: ${header}):`,
    '',
    '| size | environments | median ms | peak MiB | resources | stacks | result | ms vs 1x |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  writeFileSync(
    readme,
    `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`,
  );
  console.log('README.md: figures written between the bench markers');
}

// The deploy figures (first, no-change and code-only deploy on the local endpoint): bench/deploy-time.mjs.
if (!process.argv.includes('--no-deploy')) await (await import('./deploy-time.mjs')).deployBench();
