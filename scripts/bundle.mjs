#!/usr/bin/env node
// Package build step (after tsc and the validators): bundle the CLI into dist/bundle/ with
// esbuild. One file to load instead of ~150 modules keeps `gen build` startup short (README,
// Performance). Commands that need the AWS SDK load it from chunks only when they run.
// bin/gen.js prefers the bundle and falls back to dist/cli/main.js.
import { copyFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const out = new URL('../dist/bundle/', import.meta.url);
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [new URL('../dist/cli/main.js', import.meta.url).pathname],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: out.pathname,
  // Native binaries and the AWS SDK stay packages; they load only for deploy commands.
  external: ['esbuild', '@aws-sdk/*', '@aws-cdk/*', 'mermaid'],
  // See the file: same widths for gen's output, without ~30 ms of Unicode setup per run.
  alias: { 'string-width': new URL('./string-width-lite.mjs', import.meta.url).pathname },
  // Bundled CommonJS code calls require(); give the ES module output one.
  banner: { js: "import { createRequire as __genRequire } from 'node:module'; const require = __genRequire(import.meta.url);" },
  logLevel: 'warning',
});
// generator/schema/ajv.ts loads the precompiled validators from beside itself.
copyFileSync(new URL('../dist/schema/validators.generated.cjs', import.meta.url), new URL('validators.generated.cjs', out));
console.error('gen: bundled the CLI into dist/bundle/');
