import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileYaml, PROJECT } from '../helpers/compile-yaml.js';
import { SEED } from './arbitraries.js';
import { CLEAN, cfnLint } from '../helpers/cfn-lint.js';

const FUNCTIONS = ['alpha', 'beta', 'gamma'];

/** A workflow of 1-9 states: parent[i] < i makes a tree rooted at S0; `extra` adds edges to any state. */
const workflow = fc
  .integer({ min: 1, max: 9 })
  .chain((n) =>
    fc.record({
      parents: fc.tuple(...Array.from({ length: n }, (_, i) => fc.nat(Math.max(0, i - 1)))),
      inner: fc.array(fc.constantFrom('function', 'pass', 'wait'), { minLength: n, maxLength: n }),
      leaves: fc.array(fc.constantFrom('succeed', 'fail', 'function', 'pass'), { minLength: n, maxLength: n }),
      fns: fc.array(fc.constantFrom(...FUNCTIONS), { minLength: n, maxLength: n }),
      extra: fc.array(fc.nat(n - 1), { minLength: n, maxLength: n }),
      catches: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      type: fc.constantFrom('standard', 'express'),
      logs: fc.constantFrom('off', 'errors', 'all'),
    }),
  )
  .map((w) => {
    const n = w.inner.length;
    const name = (i: number) => `S${i}`;
    const children = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => j).filter((j) => j > 0 && w.parents[j] === i),
    );
    const states: Record<string, any> = {};
    for (let i = 0; i < n; i++) {
      const kids = children[i].map(name);
      const extra = name(w.extra[i]);
      const catchTo = w.catches[i] ? { catch: [{ errors: ['States.ALL'], next: extra }] } : {};
      if (kids.length > 1) {
        states[name(i)] = {
          choice: kids.slice(1).map((k, r) => ({ variable: '$.n', numericEquals: r, next: k })),
          default: kids[0],
        };
        if (w.catches[i]) states[name(i)].choice.push({ variable: '$.back', isPresent: true, next: extra });
      } else {
        const kind = kids.length === 1 ? w.inner[i] : w.leaves[i];
        const flow = kids.length === 1 ? { next: kids[0] } : { end: true };
        if (kind === 'succeed') states[name(i)] = { succeed: true };
        else if (kind === 'fail') states[name(i)] = { fail: { error: 'Failed', cause: 'random' } };
        else if (kind === 'function') states[name(i)] = { function: w.fns[i], ...catchTo, ...flow };
        else if (kind === 'wait') states[name(i)] = { wait: 1, ...flow };
        else states[name(i)] = { pass: true, ...flow };
      }
    }
    return { type: w.type, logs: w.logs, start: 'S0', states };
  });

const specOf = (w: object) =>
  `${PROJECT}\n${stringify({
    functions: Object.fromEntries(FUNCTIONS.map((f) => [f, { handler: 'handlers/orders.handler', timeout: 30 }])),
    workflows: { flow: w },
  })}`;

/** Every state a state of an ASL definition goes to. */
const targets = (state: any): string[] => [
  ...(state.Next ? [state.Next] : []),
  ...(state.Default ? [state.Default] : []),
  ...(state.Catch ?? []).map((c: any) => c.Next),
  ...(state.Choices ?? []).map((c: any) => c.Next),
];

describe('workflows on random state graphs', () => {
  it('compile into definitions whose every transition exists, invoking exactly the functions named', () => {
    fc.assert(
      fc.property(workflow, (w) => {
        const built = compileYaml(specOf(w));
        expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const props = built.resources.FlowStateMachine.Properties;
        const { StartAt, States } = props.Definition;
        expect(StartAt in States).toBe(true);
        expect(Object.keys(States).sort()).toEqual(Object.keys(w.states).sort());
        for (const [name, state] of Object.entries<any>(States)) {
          for (const target of targets(state)) expect(States, `${name} -> ${target}`).toHaveProperty([target]);
          if (['Task', 'Pass', 'Wait'].includes(state.Type)) expect(!!state.Next !== !!state.End, name).toBe(true);
        }
        const named = [
          ...new Set(Object.values<any>(w.states).flatMap((s) => (s.function ? [s.function] : []))),
        ].sort();
        expect(Object.keys(props.DefinitionSubstitutions ?? {})).toEqual(
          named.map((f) => `Function${f[0].toUpperCase()}${f.slice(1)}`),
        );
        const invoke = built.resources.FlowStateMachineRole.Properties.Policies[0].PolicyDocument.Statement.find(
          (s: any) => s.Sid === 'InvokeFunctions',
        );
        expect((invoke?.Resource ?? []).map((r: any) => r['Fn::Sub'].split(':function:')[1])).toEqual(
          named.map((f) => `test-${f}`),
        );
      }),
      { numRuns: 100, seed: SEED },
    );
  });

  it('compile into templates cfn-lint accepts (15 random workflows, one cfn-lint run)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-workflows-lint-'));
    try {
      const files = fc.sample(workflow, { numRuns: 15, seed: SEED }).flatMap((w, i) => {
        const built = compileYaml(specOf(w));
        mkdirSync(join(dir, String(i)));
        return (built.stacks ?? []).map((stack) => {
          const file = join(dir, String(i), stack.file);
          writeFileSync(file, stack.body);
          return file;
        });
      });
      expect(files.length).toBeGreaterThanOrEqual(15);
      expect(cfnLint(files)).toEqual(CLEAN);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
