/**
 * gen build runs the update rules that need no replacement analysis on the previous build in
 * out/<env>/ (no credentials: it cannot read the deployed stacks), as warnings: the build goes
 * through, the warning points at the spec line, and a rebuild of the same spec says nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, gen, project } from '../../fixtures/run-fixture.js';
import { edit } from '../moto-harness.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

describe('gen build: update rules since the last build', () => {
  it('warns at the spec line, builds anyway, and is quiet when nothing changed', () => {
    const dir = project();
    dirs.push(dir);
    expect(gen(['build', '--env', 'test'], dir).status).toBe(0);
    edit(dir, 'spec/app.yaml', (t) =>
      t.replace(
        '    ttl: expiresAt',
        '      by-customer:\n        partitionKey: customerId\n      by-region:\n        partitionKey: region\n    ttl: expiresAt',
      ),
    );
    const changed = gen(['build', '--env', 'test'], dir);
    expect(changed.status).toBe(0);
    expect(changed.stderr).toMatch(
      /^spec\/app\.yaml:14:7: warning GEN701: OrdersTable changes 2 indexes in one update \(add by-customer, add by-region\).* \(compared with the last build in out\/test\/; gen diff compares with what is deployed\)$/m,
    );
    const again = gen(['build', '--env', 'test'], dir);
    expect(again.status).toBe(0);
    expect(again.stderr).not.toContain('GEN701');
  });

  it('a first build has nothing to compare with', () => {
    const dir = project();
    dirs.push(dir);
    const run = gen(['build', '--env', 'test'], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/GEN7\d\d/);
  });
});
