/**
 * Valid projects the loader once refused or lost: symbolic links to spec files and folders,
 * editor leftovers beside the spec files, x- anchor holders, YAML body schemas in spec/schemas/.
 * Each builds without a diagnostic, and cfn-lint accepts the templates.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../generator/pipeline/build.js';
import { firstInvalidUtf8 } from '../../generator/pipeline/load.js';
import { FIXTURES, REPO } from '../fixtures/run-fixture.js';
import { PROJECT } from '../helpers/compile-yaml.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A project from the base fixture with these files (relative to its root) instead of spec/app.yaml. */
function projectWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-load-'));
  dirs.push(dir);
  cpSync(join(FIXTURES, 'base'), dir, { recursive: true });
  rmSync(join(dir, 'spec/app.yaml'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const CFN_LINT = join(REPO, '.venv/bin/cfn-lint');
/** Templates of every clean build, linted together at the end (one cfn-lint start instead of one a test). */
const templates: string[] = [];

function buildClean(dir: string) {
  const result = build({ root: dir, specDir: join(dir, 'spec') }, 'test');
  expect(result.diagnostics).toEqual([]);
  expect(result.stacks).toBeDefined();
  for (const stack of result.stacks!) {
    const file = join(dir, `${templates.length}-${stack.file}`);
    writeFileSync(file, stack.body);
    templates.push(file);
  }
  return result;
}

const TABLES = 'tables:\n  orders:\n    partitionKey: id\n';
const FUNCTIONS = 'functions:\n  orders:\n    handler: handlers/orders.handler\n    tables: { orders: read-write }\n';

describe('loading the spec folder', () => {
  it('follows symbolic links to spec files and folders', () => {
    const dir = projectWith({
      'spec/project.yaml': PROJECT,
      'shared/tables.yaml': TABLES,
      'shared/more/functions.yaml': FUNCTIONS,
    });
    symlinkSync('../shared/tables.yaml', join(dir, 'spec/tables.yaml'));
    symlinkSync('../shared/more', join(dir, 'spec/more'));
    const result = buildClean(dir);
    const ids = result.stacks!.flatMap((stack) => Object.keys(JSON.parse(stack.body).Resources));
    expect(ids).toEqual(expect.arrayContaining(['OrdersTable', 'OrdersFunction']));
  });

  it('reads a file reached through two links once', () => {
    const dir = projectWith({ 'spec/project.yaml': PROJECT, 'shared/tables.yaml': TABLES });
    symlinkSync('../shared/tables.yaml', join(dir, 'spec/tables.yaml'));
    symlinkSync('../shared/tables.yaml', join(dir, 'spec/also-tables.yaml'));
    buildClean(dir);
  });

  it('ignores editor leftovers: lock files, backups, dotfiles', () => {
    const dir = projectWith({
      'spec/app.yaml': `${PROJECT}${TABLES}`,
      'spec/app.yaml~': `${PROJECT}${TABLES}`,
      'spec/.hidden.yaml': `${PROJECT}${TABLES}`,
      'spec/#app.yaml#': TABLES,
    });
    // Emacs' lock file is a link to nowhere.
    symlinkSync('root@host.1234:1700000000', join(dir, 'spec/.#app.yaml'));
    buildClean(dir);
  });

  it('accepts top-level x- keys as holders of YAML anchors', () => {
    const dir = projectWith({
      'spec/app.yaml': `${PROJECT}x-defaults: &fn\n  memory: 256\n  timeout: 20\n${TABLES}functions:\n  orders:\n    <<: *fn\n    handler: handlers/orders.handler\n    tables: { orders: read }\n`,
    });
    const result = buildClean(dir);
    const app = JSON.parse(result.stacks!.find((s) => s.layer === 'app')!.body);
    expect(app.Resources.OrdersFunction.Properties).toMatchObject({ MemorySize: 256, Timeout: 20 });
  });

  it('reads YAML body schemas from spec/schemas/ as schemas, never as spec files', () => {
    const dir = projectWith({
      'spec/app.yaml': `${PROJECT}${TABLES}${FUNCTIONS}routes:\n  POST /orders:\n    function: orders\n    body: schemas/order.yaml\n`,
      'spec/schemas/order.yaml':
        'type: object\nrequired: [customerId]\nproperties:\n  customerId: { type: string, minLength: 1 }\n  lines: &lines\n    type: array\n    items: { type: string }\n  gifts: *lines\n',
    });
    const result = buildClean(dir);
    const api = JSON.parse(result.stacks!.find((s) => s.layer === 'api')!.body);
    expect(api.Resources.Api.Properties.Body.components.schemas.PostOrdersBody.required).toEqual(['customerId']);
  });
});

describe('valid inputs once built wrong', () => {
  it('an API allowing several CORS origins', () => {
    const dir = projectWith({
      'spec/app.yaml': `${PROJECT}${TABLES}${FUNCTIONS}api:\n  cors:\n    allowOrigins: [https://app.example.com, https://admin.example.com]\nroutes:\n  GET /orders: orders\n  POST /orders: orders\n`,
    });
    buildClean(dir);
  });
});

describe('cfn-lint', () => {
  it.skipIf(!existsSync(CFN_LINT))(
    'accepts every template built above (skipped without .venv: bash scripts/setup-python.sh)',
    () => {
      expect(templates.length).toBeGreaterThan(0);
      const lint = spawnSync(
        CFN_LINT,
        ['--config-file', join(REPO, '.cfnlintrc.yaml'), '--format', 'parseable', '--', ...templates],
        { encoding: 'utf8' },
      );
      expect(lint.stdout.trim()).toBe('');
      expect(lint.status).toBe(0);
    },
  );
});

describe('UTF-8', () => {
  it('finds the first byte that is not UTF-8 exactly where a strict decoder fails', () => {
    const cases: number[][] = [
      [0x61, 0xe9, 0x62],
      [0xc3, 0xa9],
      [0xc0, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x82],
      [0xf0, 0x9f, 0x98, 0x80],
      [0x61, 0x0a, 0xff],
      [0xe2, 0x82, 0xac, 0x80],
      [0xef, 0xbb, 0xbf, 0x61],
    ];
    for (const bytes of cases) {
      const buffer = Uint8Array.from(bytes);
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(buffer);
      } catch {
        valid = false;
      }
      const bad = firstInvalidUtf8(buffer);
      expect(bad === undefined, bytes.join(',')).toBe(valid);
      // Everything before the bad byte decodes strictly.
      if (bad !== undefined)
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bad))).not.toThrow();
    }
  });
});
