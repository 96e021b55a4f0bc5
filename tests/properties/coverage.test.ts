/**
 * The whole-project generators (tests/properties/full/) produce every field of every section
 * they cover, so the cfn-lint test over random specs (tests/lint/cfn-lint.test.ts) reaches every
 * field: each property path of the spec and environment schemas, each type of a field that takes
 * several (a threshold as a number and per environment), each value of an enum (every alarm
 * type, runtime, layer). A field added to a covered section later fails this test, naming the
 * field, until the generators produce it. Sections added after this test (not in COVERED) are
 * reported as a note, not a failure: cover them by adding generators, then their key here.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN, BUILTIN_SECTIONS } from '../../generator/sections/index.js';
import { createRegistry } from '../../generator/sections/registry.js';
import type { Registry, Section } from '../../generator/sections/section.js';
import type { JsonSchema } from '../../generator/schema/json-schema.js';
import { linted } from './full/index.js';
import { ownersOf, schemaItems, valueItems } from './schema-coverage.js';

/** The spec sections and environment-file keys the generators cover (widened four times in December 2026). */
const COVERED = {
  spec: [
    'project',
    'tables',
    'queues',
    'topics',
    'buckets',
    'events',
    'schedules',
    'functions',
    'api',
    'routes',
  ].concat(
    ['alarms', 'dashboard', 'resources'],
    ['keys', 'secrets', 'workflows', 'network', 'backup', 'budget', 'timeseries'],
    ['cache', 'edge'],
  ),
  environment: ['region', 'account', 'protected', 'logRetentionDays', 'tables', 'functions', 'api', 'alarms'].concat(
    ['domain', 'cache', 'timeseries', 'audit', 'budget'],
    ['network', 'backup'],
  ),
};

/** Schema values a valid spec cannot use, with the reason (every other item must be produced). */
const UNREACHABLE: Record<string, string> = {
  'functions.*.runtime = "python3.11"': 'retired by AWS: gen refuses it (GEN333)',
};

function coverage(schema: JsonSchema, values: object[]) {
  const properties = schema.properties as Record<string, JsonSchema>;
  const wanted = new Set<string>();
  for (const [key, child] of Object.entries(properties)) {
    wanted.add(key);
    schemaItems(child, key, wanted);
  }
  const seen = new Set<string>();
  for (const value of values)
    for (const [key, child] of Object.entries(value))
      if (key in properties) {
        seen.add(key);
        valueItems(properties[key], child, key, seen);
      }
  return { wanted, seen };
}

/** Items never generated: failing (sections in COVERED) and newer (the rest, printed as a note). */
function missing(kind: 'spec' | 'environment', values: object[], registry: Registry = BUILTIN) {
  const { wanted, seen } = coverage(registry.schemas[kind], values);
  const unseen = [...wanted].filter((item) => !seen.has(item) && !(item in UNREACHABLE)).sort();
  const covered = new Set(COVERED[kind]);
  // Environment keys are the sections' own keys; spec items may belong to a section other than their top key.
  // An item is the generators' to produce when every section it belongs to is covered.
  const owners = (item: string) => (kind === 'spec' ? ownersOf(item, registry) : [item.split(/[.\s[]/)[0]]);
  const isCovered = (item: string) => owners(item).every((owner) => covered.has(owner));
  const newer = unseen.filter((item) => !isCovered(item));
  if (newer.length > 0)
    console.info(
      `note: ${kind} fields of sections newer than the whole-project generators, never generated ` +
        `(add generators in tests/properties/full/, then the section to COVERED in tests/properties/coverage.test.ts):\n  ${newer.join('\n  ')}`,
    );
  return { failing: unseen.filter(isCovered), newer, wanted };
}

describe('the whole-project generators', () => {
  const samples = linted();

  it('produce every field, form and enum value of every spec section they cover', () => {
    const { failing, wanted } = missing(
      'spec',
      samples.map(([p]) => p.spec),
    );
    expect(wanted.size).toBeGreaterThan(250);
    expect(failing, 'spec schema items no generated spec uses: add them to tests/properties/full/').toEqual([]);
  });

  it('produce every field and enum value of the environment file', () => {
    const { failing } = missing(
      'environment',
      samples.map(([, e]) => e),
    );
    expect(
      failing,
      'environment schema items no generated environment uses: add them to tests/properties/full/',
    ).toEqual([]);
  });

  it('mark as unreachable only items the schema has', () => {
    const { wanted } = coverage(BUILTIN.schemas.spec, []);
    for (const item of Object.keys(UNREACHABLE)) expect(wanted).toContain(item);
  });

  it('report a section newer than the list as a note, not a failure', () => {
    const newer: Section = {
      key: 'widgets',
      kind: 'map',
      schema: { type: 'object', additionalProperties: false, properties: { size: { type: 'integer' } } },
      names: { pattern: '^[a-z]+$', hint: 'use lowercase letters', noun: 'widget', maxLength: 40 },
    };
    const registry = createRegistry([...BUILTIN_SECTIONS, newer]);
    const { failing, newer: noted } = missing(
      'spec',
      samples.map(([p]) => p.spec),
      registry,
    );
    expect(failing).toEqual([]);
    expect(noted).toEqual(expect.arrayContaining(['widgets', 'widgets.*.size']));
  });

  it('cover every section on main (a new section appears in the note until it is covered)', () => {
    // Guards the list itself: a covered key that no longer exists is a typo or a removed section.
    for (const kind of ['spec', 'environment'] as const)
      for (const key of COVERED[kind]) expect(Object.keys(BUILTIN.schemas[kind].properties as object)).toContain(key);
  });
});

/** The walk itself, on a small schema, so a broken walk cannot pass the tests above by seeing nothing. */
describe('schema coverage items', () => {
  const schema: JsonSchema = {
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: {
        kind: { enum: ['a', 'b'] },
        limit: {
          if: { type: 'object' },
          then: { type: 'object', additionalProperties: { type: 'number' } },
          else: { type: 'number' },
        },
        list: { type: 'array', items: { type: 'object', properties: { x: { type: 'string' } } } },
      },
    },
  };

  it('lists paths, forms and enum values', () => {
    expect([...schemaItems(schema, 'things')].sort()).toEqual([
      'things.*.kind',
      'things.*.kind = "a"',
      'things.*.kind = "b"',
      'things.*.limit',
      'things.*.limit as number',
      'things.*.limit as object',
      'things.*.list',
      'things.*.list[].x',
    ]);
  });

  it('gives an item to the sections it belongs to, the one adding it to another schema too', () => {
    expect(ownersOf('functions.*.memory', BUILTIN)).toEqual(['functions']);
    expect(ownersOf('functions.*.tables.*.access = "read"', BUILTIN)).toEqual(['functions', 'tables']);
    expect(ownersOf('alarms.*.type = "workflow-failures"', BUILTIN)).toEqual(['alarms', 'workflows']);
    expect(ownersOf('alarms.*.workflow', BUILTIN)).toEqual(['alarms', 'workflows']);
    expect(ownersOf('schedules.*.workflow', BUILTIN)).toEqual(['schedules', 'workflows']);
    expect(ownersOf('resources.*.layer = "network"', BUILTIN)).toEqual(['resources', 'network']);
    expect(ownersOf('backup.tables as array', BUILTIN)).toEqual(['backup', 'tables']);
  });

  it('lists what a value uses, map keys as *', () => {
    const value = { one: { kind: 'b', limit: { test: 3 }, list: [{ x: 'y' }] }, two: { limit: 4 } };
    expect([...valueItems(schema, value, 'things')].sort()).toEqual([
      'things.*.kind',
      'things.*.kind = "b"',
      'things.*.limit',
      'things.*.limit as number',
      'things.*.limit as object',
      'things.*.list',
      'things.*.list[].x',
    ]);
  });
});
