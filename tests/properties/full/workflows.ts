/**
 * Workflows: a short-form one with every kind of state and field (a choice state using every
 * comparison, each at the top of a rule or inside and/or/not), and sometimes one from a
 * state-language file (JSON or .asl.yaml) naming a function by placeholder.
 */
import fc from 'fast-check';
import { COMPARISONS } from '../../../generator/sections/workflows/conditions.js';
import { compact, functionsOf, type Names, opt } from './common.js';
import { text } from './security.js';

/** A value of the type each comparison takes. */
function operand(comparison: string): unknown {
  if (comparison.endsWith('Path')) return '$.other';
  if (comparison === 'stringMatches') return 'ord*\\*x';
  if (comparison.startsWith('string')) return 'open';
  if (comparison.startsWith('numeric')) return 100.5;
  if (comparison.startsWith('timestamp')) return '2026-01-01T00:00:00Z';
  return true; // booleanEquals and the is* tests
}
const condition = (c: string) => ({ variable: '$.value', [c]: operand(c) });

const PLACES = ['rule', 'and', 'or', 'not'] as const;
const TARGETS = ['Shape', 'Done', 'Failed'];

/**
 * Every comparison once, each in a random place: a project reaches all places of some comparisons.
 * The rules lead to the three states after the choice in turn, so each is reachable (GEN351).
 */
const choice = fc
  .tuple(fc.tuple(...COMPARISONS.map(() => fc.constantFrom(...PLACES))), fc.nat(TARGETS.length - 1))
  .map(([places, offset]) => {
    const at = (place: (typeof PLACES)[number]) => COMPARISONS.filter((_, i) => places[i] === place);
    const rules: Record<string, unknown>[] = [
      ...at('rule').map(condition),
      ...(at('and').length ? [{ and: at('and').map(condition) }] : []),
      ...(at('or').length ? [{ or: at('or').map(condition) }] : []),
      ...at('not').map((c) => ({ not: condition(c) })),
    ];
    return rules.map((rule, i) => ({ ...rule, next: TARGETS[(offset + i) % TARGETS.length] }));
  });

const resultPath = fc.constantFrom('$.result', null);
const errors = fc.constantFrom(['States.ALL'], ['States.Timeout', 'Lambda.ServiceException']);

const shortForm = (n: Names) =>
  fc
    .record({
      type: opt(fc.constantFrom('standard', 'express')),
      comment: opt(text(1024)),
      logs: opt(fc.constantFrom('off', 'errors', 'all')),
      tracing: opt(fc.boolean()),
      call: fc
        .record({
          comment: opt(text(1024)),
          function: fc.constantFrom(...functionsOf(n)),
          payload: opt(fc.constantFrom('$.order', { 'orderId.$': '$.id', source: 'workflow' })),
          resultSelector: opt(fc.constant({ 'result.$': '$.Payload' })),
          resultPath: opt(resultPath),
          retry: opt(
            fc.array(
              fc
                .record({
                  errors,
                  intervalSeconds: opt(fc.integer({ min: 1, max: 99999999 })),
                  maxAttempts: opt(fc.integer({ min: 0, max: 99999999 })),
                  backoffRate: opt(fc.oneof(fc.constantFrom(1, 1.5, 2), fc.double({ min: 1, max: 10, noNaN: true }))),
                })
                .map(compact),
              { maxLength: 2 },
            ),
          ),
          catch: opt(
            fc.record({ errors, resultPath: opt(resultPath) }).map((c) => [compact({ ...c, next: 'Failed' })]),
          ),
          timeoutSeconds: opt(fc.integer({ min: 1, max: 99999999 })),
        })
        .map(compact),
      wait: fc.oneof(
        fc.integer({ min: 0, max: 99999999 }),
        fc.constantFrom({ secondsPath: '$.delay' }, { timestamp: '2026-01-01T00:00:00Z' }, { timestampPath: '$.at' }),
      ),
      choice,
      pass: fc.record({ result: opt(fc.constantFrom({ status: 'accepted' }, 'ok', 3)), resultPath: opt(resultPath) }),
      shapeEnds: fc.boolean(),
      fail: fc.oneof(
        fc.constant(true as const),
        fc.record({ error: opt(text(256)), cause: opt(text(32768)) }).map(compact),
      ),
    })
    .map(({ call, wait, choice: rules, pass, shapeEnds, fail, ...w }) =>
      compact({
        ...w,
        start: 'Validate',
        states: {
          Validate: { ...call, next: 'Hold' },
          Hold: { wait, next: 'Route' },
          Route: { choice: rules, default: 'Shape' },
          Shape: compact({ pass: true, ...pass, ...(shapeEnds ? { end: true } : { next: 'Done' }) }),
          Done: { succeed: true },
          Failed: { fail },
        },
      }),
    );

/** The state-language file of the definition workflow: one task invoking a function by placeholder. */
export const definitionFile = (fn: string) => ({
  Comment: 'Backfill one day',
  StartAt: 'Backfill',
  States: {
    Backfill: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: `\${function:${fn}}`, 'Payload.$': '$' },
      End: true,
    },
  },
});

export const DEFINITION_FILES = ['workflows/backfill.json', 'workflows/backfill.asl.yaml'];

/** The short-form workflow, and the definition one (its file, and the file's text) when the project has it. */
export const workflows = (n: Names) =>
  fc
    .record({
      main: shortForm(n),
      file: fc.constantFrom(...DEFINITION_FILES),
      fn: fc.constantFrom(...functionsOf(n)),
      type: opt(fc.constantFrom('standard', 'express')),
      logs: opt(fc.constantFrom('off', 'errors', 'all')),
    })
    .map(({ main, file, fn, ...other }) => ({
      workflows: {
        [n.workflows[0]]: main,
        ...(n.workflows[1] ? { [n.workflows[1]]: compact({ definition: file, ...other }) } : {}),
      },
      files: n.workflows[1] ? { [`spec/${file}`]: JSON.stringify(definitionFile(fn), null, 2) } : {},
    }));
