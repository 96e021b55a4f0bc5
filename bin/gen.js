#!/usr/bin/env node
// Thin launcher: the CLI is compiled from generator/ into dist/ by `npm install` (prepare):
// dist/bundle/gen.cjs (one bundled file run with a V8 code cache, fast to start), else
// dist/cli/main.js (plain tsc output).
// The AWS SDK warns on every run that its 2027 releases will need Node 22; gen runs on Node 20 (README).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from './code-cache.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const bundled = fileURLToPath(new URL('../dist/bundle/gen.cjs', import.meta.url));
if (existsSync(bundled)) runWithCodeCache(bundled);
else {
  import(new URL('../dist/cli/main.js', import.meta.url).href).catch((err) => {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/main.js')) {
      console.error('gen: the CLI is not built yet; run `npm install` (or `npm run build`) first.');
      process.exit(2);
    }
    throw err;
  });
}
