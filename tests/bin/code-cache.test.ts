/** bin/code-cache.js: the launcher's V8 code cache is saved once, used after, and a bad one is replaced. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const loader = resolve(__dirname, '../../bin/code-cache.js');
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a CommonJS file through the loader in a fresh process; prints its output and whether the cache was used. */
function run(file: string) {
  const script = `import { runWithCodeCache } from ${JSON.stringify(loader)}; const used = runWithCodeCache(${JSON.stringify(file)}); console.log('cache used: ' + used);`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, 'an-argument'], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return child.stdout;
}

function program() {
  dir = mkdtempSync(join(tmpdir(), 'gen-code-cache-'));
  const file = join(dir, 'program.cjs');
  // Uses what Node gives a CommonJS module, so a wrong wrapper would show.
  writeFileSync(
    file,
    `const { basename } = require('node:path');
function square(n) { return n * n; }
console.log(basename(__filename), typeof module.exports, process.argv.at(-1), [1, 2, 3].map(square).join(','));\n`,
  );
  return file;
}

describe('runWithCodeCache', () => {
  it('runs the file as CommonJS and saves the cache after the first run only', () => {
    const file = program();
    expect(run(file)).toBe('program.cjs object an-argument 1,4,9\ncache used: false\n');
    expect(existsSync(`${file}.cache`)).toBe(true);
    const saved = readFileSync(`${file}.cache`);
    expect(run(file)).toBe('program.cjs object an-argument 1,4,9\ncache used: true\n');
    expect(readFileSync(`${file}.cache`).equals(saved)).toBe(true);
  });

  it('replaces a cache V8 rejects, and the run still works', () => {
    const file = program();
    writeFileSync(`${file}.cache`, Buffer.from('not a V8 code cache'));
    expect(run(file)).toBe('program.cjs object an-argument 1,4,9\ncache used: false\n');
    expect(run(file)).toBe('program.cjs object an-argument 1,4,9\ncache used: true\n');
  });
});
