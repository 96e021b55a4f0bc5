/**
 * Whatever gen accepts, AWS accepts: random project tag values and random route paths, built
 * through the real pipeline. A tag value gen accepts passes cfn-lint (E3031, AWS's tag value
 * pattern); one it refuses is outside that pattern or length (GEN342, GEN206). A path gen
 * accepts gives every OpenAPI operation each parameter once.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../generator/pipeline/build.js';
import { FIXTURES, REPO } from '../fixtures/run-fixture.js';
import { SEED } from '../properties/arbitraries.js';

const work = mkdtempSync(join(tmpdir(), 'gen-accepted-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const CFN_LINT = join(REPO, '.venv/bin/cfn-lint');

function buildSpec(yaml: string) {
  const dir = mkdtempSync(join(work, 'p-'));
  cpSync(join(FIXTURES, 'base'), dir, { recursive: true });
  writeFileSync(join(dir, 'spec/app.yaml'), yaml);
  return build({ root: dir, specDir: join(dir, 'spec') }, 'test');
}

/** AWS's documented tag value rule, written independently of generator/sections/project/limits.ts. */
const awsAccepts = (value: string) => /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(value) && [...value].length <= 256;

describe('tag values', () => {
  // Mostly characters AWS allows (letters of any script, digits, spaces, _ . : / = + - @), some it refuses.
  const allowed = fc.constantFrom(...'abcXYZ09 _.:/=+-@éüßæ日本語Ωñ'.split(''), '\u00a0', '\u2003');
  const refused = fc.constantFrom(...'<>&#!,;\'"()[]{}*?%$\\|~`^\t'.split(''), '\u0301');
  const character = fc.oneof({ arbitrary: allowed, weight: 12 }, { arbitrary: refused, weight: 1 });
  const value = fc.oneof(
    fc.array(character, { minLength: 1, maxLength: 24 }).map((c) => c.join('')),
    fc.constant('a'.repeat(257)),
    fc.constant('é'.repeat(256)),
  );
  const samples = fc.sample(fc.tuple(value, value), { numRuns: 40, seed: SEED });
  const accepted: string[] = [];

  it('are accepted exactly when AWS accepts them', () => {
    for (const [owner, costCenter] of samples) {
      const result = buildSpec(
        `project:\n  name: shop\n  owner: ${JSON.stringify(owner)}\n  costCenter: ${JSON.stringify(costCenter)}\n${TABLE_AND_FUNCTION}`,
      );
      const ok = awsAccepts(owner) && awsAccepts(costCenter) && owner.trim().length > 0 && costCenter.trim().length > 0;
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (!awsAccepts(owner) || !awsAccepts(costCenter))
        expect(
          errors.map((d) => d.code).every((c) => c === 'GEN342' || c === 'GEN206'),
          JSON.stringify([owner, costCenter, errors]),
        ).toBe(true);
      if (errors.length > 0) {
        expect(awsAccepts(owner) && awsAccepts(costCenter), JSON.stringify([owner, costCenter, errors])).toBe(false);
        continue;
      }
      if (ok) expect(result.stacks).toBeDefined();
      for (const stack of result.stacks ?? []) {
        const file = join(work, `tags-${accepted.length}-${stack.file}`);
        writeFileSync(file, stack.body);
        accepted.push(file);
      }
    }
    expect(accepted.length).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(CFN_LINT))(
    'that gen accepts pass cfn-lint (skipped without .venv: bash scripts/setup-python.sh)',
    () => {
      const lint = spawnSync(
        CFN_LINT,
        ['--config-file', join(REPO, '.cfnlintrc.yaml'), '--format', 'parseable', '--', ...accepted],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      expect(lint.stdout.trim()).toBe('');
      expect(lint.status).toBe(0);
    },
  );
});

const TABLE_AND_FUNCTION =
  'tables:\n  orders:\n    partitionKey: id\nfunctions:\n  orders:\n    handler: handlers/orders.handler\n    tables: { orders: read }\n';

describe('route paths', () => {
  const segment = fc.constantFrom('orders', 'lines', 'members', 'fines', '{id}', '{orderId}', '{lineId}', '{id}', 'v1');
  const route = fc.tuple(
    fc.constantFrom('GET', 'POST', 'DELETE'),
    fc.array(segment, { minLength: 1, maxLength: 4 }),
    fc.subarray(['id', 'orderId', 'limit', 'lineId']),
  );

  it('give every operation each parameter once, or are refused', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(route, { minLength: 1, maxLength: 5, selector: ([m, s]) => `${m} /${s.join('/')}` }),
        (routes) => {
          const yaml = routes
            .map(
              ([method, segments, query]) =>
                `  ${method} /${segments.join('/')}:\n    function: orders\n${query.length ? `    query: { ${query.map((q) => `${q}: optional`).join(', ')} }\n` : ''}`,
            )
            .join('');
          const result = buildSpec(
            `project:\n  name: shop\n  owner: shop-team\n  costCenter: cc-42\n${TABLE_AND_FUNCTION}routes:\n${yaml}`,
          );
          if (!result.stacks) {
            expect(
              result.diagnostics
                .filter((d) => d.severity === 'error')
                .every((d) => ['GEN305', 'GEN341', 'GEN503'].includes(d.code)),
              JSON.stringify(result.diagnostics),
            ).toBe(true);
            return;
          }
          const api = JSON.parse(result.stacks.find((s) => s.layer === 'api')!.body);
          for (const [path, operations] of Object.entries(
            api.Resources.Api.Properties.Body.paths as Record<
              string,
              Record<string, { parameters?: { name: string; in: string }[] }>
            >,
          )) {
            for (const operation of Object.values(operations)) {
              const names = (operation.parameters ?? []).map((p) => p.name);
              expect(new Set(names).size, `${path}: ${names}`).toBe(names.length);
              expect(
                (operation.parameters ?? [])
                  .filter((p) => p.in === 'path')
                  .map((p) => p.name)
                  .sort(),
              ).toEqual([...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort());
            }
          }
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });
});
