/**
 * Every rule on its fixtures, the way cfn-lint keeps templates per rule: tests/rules/fixtures/<rule id>/
 * good/ must give no violation, bad/ exactly the ones the fixture lists (at least one). See
 * tests/rules/fixtures/README.md for the format.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAllEnvironments } from '../../generator/environment/resolve.js';
import { readSpec } from '../../generator/pipeline/build.js';
import { ALL_RULES } from '../../generator/rules/index.js';
import type { AnyRule, CfnTemplate, ProjectRule, Rule, StackToCheck } from '../../generator/rules/rule.js';
import { BUILTIN } from '../../generator/sections/index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
/** The environment every template fixture is checked for. */
const CONTEXT = { environment: 'test', logRetentionDays: 30 };
const KINDS = ['good', 'bad'] as const;

interface Case {
  kind: (typeof KINDS)[number];
  name: string;
  path: string;
}
const casesOf = (id: string): Case[] =>
  KINDS.flatMap((kind) => {
    const dir = join(FIXTURES, id, kind);
    return existsSync(dir)
      ? readdirSync(dir)
          .sort()
          .map((name) => ({ kind, name, path: join(dir, name) }))
      : [];
  });

type Template = CfnTemplate & { Metadata?: { ExpectedViolations?: string[] } };
/** Found and expected violations ("<resource>: <message>"), by stack file (or 'project'). */
type Outcome = Record<string, { found: string[]; expected: string[] }>;

function runTemplateRule(rule: Rule, path: string): Outcome {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => join(path, f))
    : [path];
  const stacks: StackToCheck[] = files.map((f) => ({
    stackName: basename(f, '.json'),
    file: basename(f),
    template: JSON.parse(readFileSync(f, 'utf8')),
  }));
  return Object.fromEntries(
    stacks.map((stack) => [
      stack.file,
      {
        found: rule
          .check(stack.template, { ...CONTEXT, stackName: stack.stackName, stacks })
          .map((v) => `${v.resource}: ${v.message}`)
          .sort(),
        expected: [...((stack.template as Template).Metadata?.ExpectedViolations ?? [])].sort(),
      },
    ]),
  );
}

function runProjectRule(rule: ProjectRule, root: string): Outcome {
  const read = existsSync(join(root, 'spec'))
    ? readSpec({ root, specDir: join(root, 'spec') })
    : { spec: undefined, diagnostics: [] };
  const resolved = resolveAllEnvironments(root, BUILTIN.schemas);
  // A fixture must be a valid project: its mistakes are the rule's, not the spec's.
  expect(
    [...read.diagnostics, ...resolved.flatMap((r) => r.diagnostics)].filter((d) => d.severity === 'error'),
  ).toEqual([]);
  const environments = resolved.flatMap((r) => (r.env ? [r.env] : []));
  const expectedFile = join(root, 'expected-violations.json');
  return {
    project: {
      found: rule
        .check({ spec: read.spec as never, environments })
        .map((v) => `${v.resource}: ${v.message}`)
        .sort(),
      expected: existsSync(expectedFile)
        ? [...(JSON.parse(readFileSync(expectedFile, 'utf8')) as string[])].sort()
        : [],
    },
  };
}

const run = (rule: AnyRule, path: string) =>
  rule.scope === 'project' ? runProjectRule(rule, path) : runTemplateRule(rule, path);

describe('rule fixtures', () => {
  it('rule ids and names are unique', () => {
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    expect(new Set(ALL_RULES.map((r) => r.name)).size).toBe(ALL_RULES.length);
  });

  it("every rule has good and bad fixtures, and every fixture folder is a rule's", () => {
    for (const rule of ALL_RULES) {
      const cases = casesOf(rule.id);
      expect(cases.filter((c) => c.kind === 'good').length, `${rule.id} good fixtures`).toBeGreaterThan(0);
      expect(cases.filter((c) => c.kind === 'bad').length, `${rule.id} bad fixtures`).toBeGreaterThan(0);
    }
    const folders = readdirSync(FIXTURES).filter((f) => statSync(join(FIXTURES, f)).isDirectory());
    expect(folders.sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
  });

  describe.each(ALL_RULES.map((rule) => [rule.id, rule] as const))('%s', (_, rule) => {
    it.each(
      casesOf(rule.id)
        .filter((c) => c.kind === 'good')
        .map((c) => [c.name, c] as const),
    )('good: %s gives no violation', (__, c) => {
      for (const [stack, { found }] of Object.entries(run(rule, c.path))) expect(found, stack).toEqual([]);
    });

    it.each(
      casesOf(rule.id)
        .filter((c) => c.kind === 'bad')
        .map((c) => [c.name, c] as const),
    )('bad: %s gives the violations it lists', (__, c) => {
      const outcome = Object.entries(run(rule, c.path));
      expect(
        outcome.flatMap(([, o]) => o.expected).length,
        'a bad fixture lists the violations it expects',
      ).toBeGreaterThan(0);
      for (const [stack, { found, expected }] of outcome) expect(found, stack).toEqual(expected);
    });
  });
});
