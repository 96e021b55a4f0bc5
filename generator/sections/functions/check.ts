/** Cross-references of functions: what they use exists, handler files exist, settings agree. */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Entry, Spec } from '../../spec.js';
import { unknownReference } from '../references.js';
import type { Registry } from '../section.js';
import { findHandlerFile, HANDLER_EXTENSIONS } from './handler-file.js';
import { functionsOf, splitHandler, type FunctionSpec } from './model.js';

/** Every reference names an existing item, passes its section's own checks, and has a variable of its own. */
function checkReferences(spec: Spec, registry: Registry, entry: Entry<FunctionSpec>): Diagnostic[] {
  const { value: fn, file, path } = entry;
  const out: Diagnostic[] = [];
  const variables = new Map<string, string>();
  for (const section of registry.usable) {
    for (const reference of fn.uses[section.key] ?? []) {
      const at = [...path, section.key, reference.name];
      out.push(...unknownReference(spec, section, reference.name, `function '${entry.name}' uses`, { file, path: at, at: 'key' }));
      const problem = section.usable.check?.(reference, spec);
      if (problem) out.push(error('GEN206', problem.message, { file, path: at }, problem.fix));
      const noun = section.names?.noun ?? section.key;
      if (reference.variable in fn.environment) {
        out.push(error('GEN206', `environment variable ${reference.variable} is set by gen to ${section.usable.holds} '${reference.name}'`,
          { file, path: [...path, 'environment', reference.variable], at: 'key' }, `remove ${reference.variable}: gen sets it`));
      }
      const other = variables.get(reference.variable);
      if (other) {
        out.push(error('GEN206', `environment variable ${reference.variable} would carry both ${other} and ${noun} '${reference.name}'`,
          { file, path: at }, `give one of them another name with {access, variable}`));
      }
      variables.set(reference.variable, `${noun} '${reference.name}'`);
    }
  }
  return out;
}

function checkFunction(spec: Spec, registry: Registry, entry: Entry<FunctionSpec>): Diagnostic[] {
  const { value: fn, file, path } = entry;
  const out = checkReferences(spec, registry, entry);
  if (!findHandlerFile(spec.root, fn.handler)) {
    const base = splitHandler(fn.handler).file;
    out.push(error('GEN304', `handler file for '${fn.handler}' not found: looked for ${base}{${HANDLER_EXTENSIONS.join(',')}}`,
      { file, path: [...path, 'handler'] }, `create ${base}.mjs exporting '${splitHandler(fn.handler).exportName}', or fix the path`));
  }
  if (fn.provisionedConcurrency !== undefined && fn.reservedConcurrency !== undefined && fn.provisionedConcurrency > fn.reservedConcurrency) {
    out.push(error('GEN204', `provisionedConcurrency ${fn.provisionedConcurrency} is more than reservedConcurrency ${fn.reservedConcurrency}`,
      { file, path: [...path, 'provisionedConcurrency'] }, `use at most ${fn.reservedConcurrency}, or raise reservedConcurrency`));
  }
  return out;
}

export const checkFunctions = (spec: Spec, registry: Registry): Diagnostic[] => functionsOf(spec).items.flatMap((entry) => checkFunction(spec, registry, entry));
