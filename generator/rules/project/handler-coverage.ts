/**
 * GEN-P5, design property 5. Why: a handler file no function uses is dead code that still ships
 * in reviews and audits, or a function someone forgot to declare (files in a container-image
 * function's folder are that function's code); a function nothing invokes
 * (no route, queue, rule, schedule or topic: every section says what it invokes) is deployed,
 * billed for its alarms and logs, and never runs. Shared code belongs in handlers/lib/, tests in
 * tests/ or *.test.* / test_*.py files, which are not handlers.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HANDLER_EXTENSIONS } from '../../sections/functions/runtimes.js';
import { functionsOf, splitHandler } from '../../sections/functions/model.js';
import { BUILTIN } from '../../sections/index.js';
import type { ProjectRule } from '../rule.js';

/** Handler files a function could point at: not helpers under lib/, not tests. */
function handlerFiles(root: string, dir = join(root, 'handlers')): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    if (e.isDirectory())
      return ['lib', 'node_modules', 'tests', '__pycache__'].includes(e.name)
        ? []
        : handlerFiles(root, join(dir, e.name));
    const ext = [...HANDLER_EXTENSIONS.node, ...HANDLER_EXTENSIONS.python].find((x) => e.name.endsWith(x));
    return ext && !/\.(test|spec)\./.test(e.name) && !/^(test_|__init__\.py$)/.test(e.name)
      ? [relative(root, join(dir, e.name)).slice(0, -ext.length)]
      : [];
  });
}

export const handlerCoverage: ProjectRule = {
  id: 'GEN-P5',
  name: 'handler-coverage',
  property: 5,
  scope: 'project',
  title: 'Lambda handler coverage',
  description:
    'Every handler file in handlers/ (outside lib/ and tests/, not a test) is the code of a function, and something invokes that function (a route, a queue, an event rule, a schedule, a topic...).',
  fix: 'declare a function for the handler and a route (or another trigger) for the function, or move shared code into handlers/lib/',
  check: ({ spec, registry = BUILTIN }) => {
    const routed = new Set(registry.sections.flatMap((section) => section.invokes?.(spec) ?? []));
    return handlerFiles(spec.root).flatMap((file) => {
      const users = functionsOf(spec)
        .items.filter((f) =>
          f.value.image
            ? file.startsWith(`${f.value.image.context}/`)
            : f.value.handler !== undefined && splitHandler(f.value.handler).file === file,
        )
        .map((f) => f.name);
      if (users.length === 0) return [{ resource: file, message: 'no function uses this handler file' }];
      return users.some((fn) => routed.has(fn))
        ? []
        : [
            {
              resource: file,
              message: `nothing invokes ${users.map((f) => `'${f}'`).join(', ')} (no route, queue, rule, schedule or topic)`,
            },
          ];
    });
  },
};
