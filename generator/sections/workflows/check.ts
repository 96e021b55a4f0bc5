/**
 * Checks of workflows: one form (states or a definition file), well-formed states, every
 * transition naming a state, every state reachable from start, a state that ends the workflow,
 * functions that exist; a definition file that reads, with known placeholders. Each at its line.
 */
import { error, type Diagnostic, type Location } from '../../diagnostics.js';
import { suggestion } from '../../naming/did-you-mean.js';
import { names } from '../../naming/ids.js';
import type { Entry, Spec } from '../../spec.js';
import { physicalNameProblem } from '../project/limits.js';
import { unknownReference } from '../references.js';
import type { Registry } from '../section.js';
import { conditionProblem } from './conditions.js';
import { readDefinitionFile } from './definition-file.js';
import { isTerminal, type State, type StateKind, transitions, type Workflow, workflowsOf } from './model.js';

const FLOW = ['next', 'end'];
/** The keys each kind of state may have beside its own. */
const KEYS: Record<StateKind, string[]> = {
  function: ['payload', 'resultSelector', 'resultPath', 'retry', 'catch', 'timeoutSeconds', ...FLOW],
  pass: ['result', 'resultPath', ...FLOW],
  wait: FLOW,
  choice: ['default'],
  succeed: [],
  fail: [],
};

type At = (...keys: (string | number)[]) => Location;

function checkState(name: string, state: State, at: At): Diagnostic[] {
  const here = (...keys: (string | number)[]) => at('states', name, ...keys);
  if (state.kinds.length !== 1)
    return [
      error(
        'GEN354',
        state.kinds.length === 0
          ? `state '${name}' has no kind: it needs one of function, pass, wait, choice, succeed, fail`
          : `state '${name}' has ${state.kinds.join(' and ')}: a state is of one kind`,
        { ...here(), at: 'key' },
        state.kinds.length === 0
          ? 'add function: <name> (or pass: true, wait: 30, succeed: true...)'
          : 'split it into one state per kind, joined by next',
      ),
    ];
  const [kind] = state.kinds;
  const out: Diagnostic[] = [];
  const allowed = new Set([kind, 'comment', ...KEYS[kind]]);
  for (const key of Object.keys(state)) {
    if (key === 'kinds' || allowed.has(key) || (key === 'catch' && state.catch.length === 0)) continue;
    out.push(
      error(
        'GEN354',
        `a ${kind} state has no '${key}'`,
        { ...here(key), at: 'key' },
        `remove '${key}'; a ${kind} state takes ${[...allowed].join(', ')}`,
      ),
    );
  }
  if (KEYS[kind].includes('next')) {
    if (state.next === undefined && state.end === undefined)
      out.push(
        error(
          'GEN354',
          `state '${name}' says neither next nor end`,
          { ...here(), at: 'key' },
          'add next: <state>, or end: true if the workflow ends here',
        ),
      );
    if (state.next !== undefined && state.end !== undefined)
      out.push(
        error('GEN354', `state '${name}' has both next and end`, { ...here('end'), at: 'key' }, 'keep one of them'),
      );
  }
  (state.choice ?? []).forEach((rule, i) => {
    const problem = conditionProblem(rule);
    if (problem)
      out.push(
        error(
          'GEN354',
          `choice rule ${i + 1} of state '${name}' ${problem}`,
          here('choice', i),
          'write for example {variable: $.amount, numericGreaterThan: 100, next: Review}',
        ),
      );
  });
  return out;
}

/** States no path from start reaches; undefined when start itself is unknown. */
function unreachable(w: Workflow): string[] {
  const seen = new Set<string>([w.start!]);
  const queue = [w.start!];
  while (queue.length > 0) {
    const state = w.states[queue.shift()!];
    for (const { target } of state ? transitions(state) : [])
      if (target in w.states && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
  }
  return Object.keys(w.states).filter((s) => !seen.has(s));
}

function checkGraph(entry: Entry<Workflow>, at: At): Diagnostic[] {
  const { name, value: w } = entry;
  const known = Object.keys(w.states);
  const unknownState = (target: string, location: Location, who: string) =>
    error(
      'GEN350',
      `${who} state '${target}', which is not a state of workflow '${name}'.${suggestion(target, known)}`,
      location,
      `use one of its states: ${known.join(', ')}`,
    );
  const out: Diagnostic[] = [];
  for (const [stateName, state] of Object.entries(w.states))
    for (const { key, target } of transitions(state))
      if (!(target in w.states))
        out.push(unknownState(target, at('states', stateName, ...key), `state '${stateName}' goes to`));
  if (!(w.start! in w.states)) out.push(unknownState(w.start!, at('start'), `workflow '${name}' starts at`));
  // A misspelt name leaves the states after it unreachable: say only the cause.
  if (out.length > 0) return out;
  for (const state of unreachable(w))
    out.push(
      error(
        'GEN351',
        `state '${state}' of workflow '${name}' is unreachable: no next, catch or choice leads to it from '${w.start}' (Step Functions refuses such a definition)`,
        { ...at('states', state), at: 'key' },
        `name it in the next of the state before it, or remove it`,
      ),
    );
  if (!Object.values(w.states).some(isTerminal))
    out.push(
      error(
        'GEN351',
        `no state of workflow '${name}' ends it: an execution would never finish`,
        { ...at('states'), at: 'key' },
        'add a state with end: true, succeed: true or fail',
      ),
    );
  return out;
}

function checkForm(entry: Entry<Workflow>, at: At): Diagnostic[] {
  const { name, value: w } = entry;
  const short = w.start !== undefined || Object.keys(w.states).length > 0;
  if (w.definition !== undefined && short)
    return [
      error(
        'GEN206',
        `workflow '${name}' has a definition file and states: gen would not know which to run`,
        { ...at('definition'), at: 'key' },
        'keep definition, or start and states',
      ),
    ];
  if (w.definition !== undefined && w.comment !== undefined)
    return [
      error(
        'GEN206',
        `workflow '${name}' has a definition file and a comment: the file's Comment is the one used`,
        { ...at('comment'), at: 'key' },
        "remove comment, or write it as the file's Comment",
      ),
    ];
  if (w.definition !== undefined) return [];
  if (!short)
    return [
      error(
        'GEN202',
        `workflow '${name}' has neither states nor a definition file`,
        { ...at(), at: 'key' },
        'add start and states (or definition: <file>)',
      ),
    ];
  if (w.start === undefined)
    return [
      error(
        'GEN202',
        `workflow '${name}' does not say where it starts`,
        { ...at('states'), at: 'key' },
        `add start: <state>, one of ${Object.keys(w.states).join(', ')}`,
      ),
    ];
  if (Object.keys(w.states).length === 0)
    return [
      error(
        'GEN202',
        `workflow '${name}' starts at '${w.start}' but has no states`,
        { ...at('start'), at: 'key' },
        'add states',
      ),
    ];
  return [];
}

function checkDefinitionFile(spec: Spec, registry: Registry, entry: Entry<Workflow>, at: At): Diagnostic[] {
  const { name, value: w } = entry;
  const read = readDefinitionFile(spec.specDir, w.definition!);
  if ('problem' in read) return [error('GEN353', read.problem, at('definition'), read.fix)];
  const out = read.unknownPlaceholders.map((p) =>
    error(
      'GEN353',
      `definition file '${w.definition}' has placeholder ${p}, which gen does not fill`,
      at('definition'),
      'write ${function:<name>} for a function, or put the ARN in the file',
    ),
  );
  for (const fn of read.functions)
    out.push(
      ...unknownReference(
        spec,
        registry.section('functions')!,
        fn,
        `workflow '${name}' (in ${w.definition}) invokes`,
        at('definition'),
      ),
    );
  if (w.type === 'express')
    for (const resource of read.waiting)
      out.push(
        error(
          'GEN352',
          `express workflow '${name}' has a task ${resource} in ${w.definition}: Express workflows cannot wait for a job (.sync) or a callback (.waitForTaskToken)`,
          at('definition'),
          'make it a standard workflow (type: standard), or call the service without waiting',
        ),
      );
  return out;
}

function checkWorkflow(spec: Spec, registry: Registry, entry: Entry<Workflow>): Diagnostic[] {
  const { name, value: w, file, path } = entry;
  const at: At = (...keys) => ({ file, path: [...path, ...keys] });
  const out = checkForm(entry, at);
  const long = physicalNameProblem('workflow', name, spec.environmentNames, (env) => names.stateMachine(env, name), {
    max: 80,
    what: 'Step Functions state machine names',
  });
  if (long) out.push(error('GEN320', long.message, { ...at(), at: 'key' }, long.fix));
  if (out.some((d) => d.severity === 'error')) return out;
  if (w.definition !== undefined) return [...out, ...checkDefinitionFile(spec, registry, entry, at)];
  const functions = registry.section('functions')!;
  for (const [stateName, state] of Object.entries(w.states)) {
    out.push(...checkState(stateName, state, at));
    if (state.function !== undefined)
      out.push(
        ...unknownReference(
          spec,
          functions,
          state.function,
          `state '${stateName}' of workflow '${name}' invokes`,
          at('states', stateName, 'function'),
        ),
      );
  }
  // A badly formed state (no next, no end) would only be reported again as a graph error.
  return out.some((d) => d.code === 'GEN354') ? out : [...out, ...checkGraph(entry, at)];
}

export const checkWorkflows = (spec: Spec, registry: Registry): Diagnostic[] =>
  workflowsOf(spec).items.flatMap((entry) => checkWorkflow(spec, registry, entry));
