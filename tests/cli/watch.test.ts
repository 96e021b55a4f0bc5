/** gen build --watch: a save rebuilds and prints only what changed. */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, GEN, project } from '../fixtures/run-fixture.js';

const dir = project();
afterAll(() => cleanup(dir));

function waitFor(read: () => string, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const text = read();
      if (pattern.test(text)) return resolve(text);
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${pattern} in:\n${text}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

describe('gen build --watch', () => {
  it('rebuilds on save, printing added and modified resources, and reports errors without writing', async () => {
    const child = spawn(process.execPath, [GEN, 'build', '--env', 'test', '--watch'], { cwd: dir });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    try {
      await waitFor(() => err, /watching spec/);
      await waitFor(() => out, /gen: built test in \d+ ms\n/);
      const spec = join(dir, 'spec/app.yaml');
      writeFileSync(
        spec,
        readFileSync(spec, 'utf8')
          .replace('    ttl: expiresAt\n', '    ttl: expiresAt\n  customers:\n    partitionKey: id\n')
          .replace('memory: 512', 'memory: 1024'),
      );
      const changed = await waitFor(() => out, /data: \+ CustomersTable/);
      expect(changed).toContain('  app: ~ OrdersFunction');
      writeFileSync(spec, readFileSync(spec, 'utf8').replace('memory: 1024', 'memory: 1'));
      await waitFor(() => err, /functions\.orders\.memory is 1, out of range/);
      expect(err).toContain('gen: test: errors, out/ unchanged (watching)');
      expect(
        JSON.parse(readFileSync(join(dir, 'out/test/app.template.json'), 'utf8')).Resources.OrdersFunction.Properties
          .MemorySize,
      ).toBe(1024);
    } finally {
      child.kill();
    }
  });
});
