#!/usr/bin/env node
// Package build step (after tsc and the validators): bundle the CLI into one CommonJS file,
// dist/bundle/gen.cjs, with esbuild, then run it once on the reference spec so bin/gen.js saves
// V8's code cache beside it (bin/code-cache.js). One file instead of ~150 modules, loaded as
// CommonJS with a code cache, is what keeps `gen build` startup short (README, Performance).
// Commands that need the AWS SDK load it from node_modules only when they run.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist/bundle');
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'dist/cli/main.js')],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: join(out, 'gen.cjs'),
  // Native binaries and the AWS SDK stay packages; they load only for deploy commands.
  external: ['esbuild', '@aws-sdk/*', '@aws-cdk/*', 'mermaid'],
  // See the file: same widths for gen's output, without ~30 ms of Unicode setup per run.
  alias: { 'string-width': join(root, 'scripts/string-width-lite.mjs') },
  // The sources are ES modules that find files beside themselves through import.meta.url.
  define: { 'import.meta.url': '__genModuleUrl' },
  banner: { js: "const __genModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // import() becomes require(): V8 drops the dynamic-import hook of code loaded from a code
  // cache (Node 20), and every external here (AWS SDK, esbuild) is CommonJS anyway.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
});
// generator/schema/ajv.ts loads the precompiled validators from beside itself.
copyFileSync(join(root, 'dist/schema/validators.generated.cjs'), join(out, 'validators.generated.cjs'));

// Warm-up: one build of the reference spec makes bin/gen.js write the code cache for the
// functions a build runs (--locked: the warm-up never touches placement/). Without it the
// first run by a user writes the cache instead.
if (existsSync(join(root, 'spec/project.yaml'))) {
  const scratch = mkdtempSync(join(tmpdir(), 'gen-warm-'));
  const run = spawnSync(
    process.execPath,
    [join(root, 'bin/gen.js'), 'build', '--env', 'test,production', '--locked', '--out', scratch],
    { cwd: root, encoding: 'utf8' },
  );
  rmSync(scratch, { recursive: true, force: true });
  if (run.status !== 0)
    console.error(`gen: note: the warm-up build exited ${run.status}; the code cache covers what it ran`);
}
console.error('gen: bundled the CLI into dist/bundle/');
