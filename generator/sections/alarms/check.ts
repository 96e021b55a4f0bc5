/** Cross-references of alarms: the watched function, table or API exists; per-environment names are real. */
import { error, type Diagnostic } from '../../diagnostics.js';
import { suggestion } from '../../naming/did-you-mean.js';
import type { Entry, Spec } from '../../spec.js';
import { ALARM_TYPES, type Alarm } from './model.js';

function checkAlarm(spec: Spec, entry: Entry<Alarm>): Diagnostic[] {
  const { value: alarm, file, path } = entry;
  const out: Diagnostic[] = [];
  const target = ALARM_TYPES[alarm.type].target;
  if (alarm.function !== undefined && target === 'function' && !spec.functions.names.has(alarm.function)) {
    out.push(error('GEN302', `alarm '${entry.name}' watches function '${alarm.function}', which is not defined.${suggestion(alarm.function, spec.functions.names)}`,
      { file, path: [...path, 'function'] }, 'use the name of a function from the functions section'));
  }
  if (alarm.table !== undefined && target === 'table' && !spec.tables.names.has(alarm.table)) {
    out.push(error('GEN301', `alarm '${entry.name}' watches table '${alarm.table}', which is not defined.${suggestion(alarm.table, spec.tables.names)}`,
      { file, path: [...path, 'table'] }, 'use the name of a table from the tables section'));
  }
  for (const key of ['function', 'table'] as const) {
    if (alarm[key] !== undefined && target !== key) {
      out.push(error('GEN206', `a ${alarm.type} alarm watches ${target === 'api' ? 'the API' : `a ${target}`}, not a ${key}`,
        { file, path: [...path, key], at: 'key' }, `remove '${key}'`));
    }
  }
  if (target === 'api' && spec.routes.names.size === 0) {
    out.push(error('GEN310', `alarm '${entry.name}' watches the API, but the spec has no routes`, { file, path: [...path, 'type'] }, 'add routes, or remove this alarm'));
  }
  if (typeof alarm.threshold === 'object') {
    for (const env of Object.keys(alarm.threshold)) {
      if (!spec.environmentNames.includes(env)) {
        out.push(error('GEN308', `threshold names environment '${env}', which has no file in environments/.${suggestion(env, spec.environmentNames)}`,
          { file, path: [...path, 'threshold', env], at: 'key' }, `use one of: ${spec.environmentNames.join(', ')}`));
      }
    }
  }
  return out;
}

export const checkAlarms = (spec: Spec): Diagnostic[] => spec.alarms.items.flatMap((entry) => checkAlarm(spec, entry));
