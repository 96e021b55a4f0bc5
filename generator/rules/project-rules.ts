/**
 * Rules that read the project rather than one template: handler coverage (P5) and the
 * differences between environments (P13). `gen check` and `gen validate` run them.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Environment } from '../environment/model.js';
import { HANDLER_EXTENSIONS } from '../sections/functions/runtimes.js';
import { functionsOf, splitHandler } from '../sections/functions/model.js';
import { BUILTIN } from '../sections/index.js';
import type { Registry } from '../sections/section.js';
import type { Spec } from '../spec.js';
import type { Violation } from './rule.js';

export interface ProjectRule {
  id: string; name: string; property: number; title: string; description: string; fix: string;
  check: (project: { spec: Spec; environments: Environment[]; registry?: Registry }) => Violation[];
}

/** Handler files a function could point at: not helpers under lib/, not tests. */
function handlerFiles(root: string, dir = join(root, 'handlers')): string[] {
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return []; }
  return entries.flatMap((e) => {
    if (e.isDirectory()) return ['lib', 'node_modules', 'tests', '__pycache__'].includes(e.name) ? [] : handlerFiles(root, join(dir, e.name));
    const ext = [...HANDLER_EXTENSIONS.node, ...HANDLER_EXTENSIONS.python].find((x) => e.name.endsWith(x));
    return ext && !/\.(test|spec)\./.test(e.name) && !/^(test_|__init__\.py$)/.test(e.name) ? [relative(root, join(dir, e.name)).slice(0, -ext.length)] : [];
  });
}

export const handlerCoverage: ProjectRule = {
  id: 'GEN-P5', name: 'handler-coverage', property: 5, title: 'Lambda handler coverage',
  description: 'Every handler file in handlers/ (outside lib/ and tests/, not a test) is the code of a function, and something invokes that function (a route, a queue, an event rule, a schedule, a topic...).',
  fix: 'declare a function for the handler and a route (or another trigger) for the function, or move shared code into handlers/lib/',
  check: ({ spec, registry = BUILTIN }) => {
    const routed = new Set(registry.sections.flatMap((section) => section.invokes?.(spec) ?? []));
    return handlerFiles(spec.root).flatMap((file) => {
      const users = functionsOf(spec).items.filter((f) => splitHandler(f.value.handler).file === file).map((f) => f.name);
      if (users.length === 0) return [{ resource: file, message: 'no function uses this handler file' }];
      return users.some((fn) => routed.has(fn)) ? [] : [{ resource: file, message: `nothing invokes ${users.map((f) => `'${f}'`).join(', ')} (no route, queue, rule, schedule or topic)` }];
    });
  },
};

/** Settings that must differ between a protected environment and an unprotected one. */
const DIFFERENTIATING: [string, (e: Environment) => unknown][] = [
  ['network.cidr', (e) => e.network.cidr], ['cache.nodeType', (e) => e.cache.nodeType], ['logRetentionDays', (e) => e.logRetentionDays],
  ['tables.billing', (e) => e.tables.billing], ['domain.name', (e) => e.domain.name], ['domain.api', (e) => e.domain.api],
  ['api.throttle.rate', (e) => e.api.throttle.rate], ['timeseries.magneticRetentionDays', (e) => e.timeseries.magneticRetentionDays],
];

export const environmentDifferentiation: ProjectRule = {
  id: 'GEN-P13', name: 'environment-differentiation', property: 13, title: 'Environment configuration differentiation',
  description: `A protected environment differs from every unprotected one in ${DIFFERENTIATING.map(([k]) => k).join(', ')}.`,
  fix: 'give production its own value (a copy of test settings in production is usually a mistake)',
  check: ({ environments }) => environments.filter((p) => p.protected).flatMap((prod) => environments.filter((e) => !e.protected).flatMap((other) =>
    DIFFERENTIATING.filter(([, get]) => JSON.stringify(get(prod)) === JSON.stringify(get(other)))
      .map(([key, get]) => ({ resource: prod.file, message: `${key} is ${JSON.stringify(get(prod))}, the same as in ${other.name}` })))),
};

export const PROJECT_RULES: readonly ProjectRule[] = [handlerCoverage, environmentDifferentiation];
