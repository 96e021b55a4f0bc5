#!/usr/bin/env node
// Thin launcher: the CLI is compiled from generator/ into dist/ by `npm install` (prepare).
import('../dist/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/main.js')) {
    console.error('gen: the CLI is not built yet; run `npm install` (or `npm run build`) first.');
    process.exit(2);
  }
  throw err;
});
