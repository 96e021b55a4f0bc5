/** Cross-references of functions: tables exist, handler files exist, settings agree. */
import { error, type Diagnostic } from '../../diagnostics.js';
import { names } from '../../naming/ids.js';
import { suggestion } from '../../naming/did-you-mean.js';
import type { Entry, Spec } from '../../spec.js';
import { findHandlerFile, HANDLER_EXTENSIONS } from './handler-file.js';
import { splitHandler, type FunctionSpec } from './model.js';

function checkFunction(spec: Spec, entry: Entry<FunctionSpec>): Diagnostic[] {
  const { value: fn, file, path } = entry;
  const out: Diagnostic[] = [];
  for (const { name } of fn.tables) {
    if (!spec.tables.names.has(name)) {
      out.push(error('GEN301', `function '${entry.name}' uses table '${name}', which is not defined.${suggestion(name, spec.tables.names)}`,
        { file, path: [...path, 'tables', name], at: 'key' }, 'use the name of a table from the tables section, or define the table'));
    }
  }
  if (!findHandlerFile(spec.root, fn.handler)) {
    const base = splitHandler(fn.handler).file;
    out.push(error('GEN304', `handler file for '${fn.handler}' not found: looked for ${base}{${HANDLER_EXTENSIONS.join(',')}}`,
      { file, path: [...path, 'handler'] }, `create ${base}.mjs exporting '${splitHandler(fn.handler).exportName}', or fix the path`));
  }
  if (fn.provisionedConcurrency !== undefined && fn.reservedConcurrency !== undefined && fn.provisionedConcurrency > fn.reservedConcurrency) {
    out.push(error('GEN204', `provisionedConcurrency ${fn.provisionedConcurrency} is more than reservedConcurrency ${fn.reservedConcurrency}`,
      { file, path: [...path, 'provisionedConcurrency'] }, `use at most ${fn.reservedConcurrency}, or raise reservedConcurrency`));
  }
  for (const { name } of fn.tables) {
    const variable = names.tableVariable(name);
    if (variable in fn.environment) {
      out.push(error('GEN206', `environment variable ${variable} is set by gen to the name of table '${name}'`,
        { file, path: [...path, 'environment', variable], at: 'key' }, `remove ${variable}: gen sets it`));
    }
  }
  return out;
}

export const checkFunctions = (spec: Spec): Diagnostic[] => spec.functions.items.flatMap((entry) => checkFunction(spec, entry));
