/** Cross-references of alarms: the watched item exists, the type can exist in this spec, per-environment names are real. */
import { error, type Diagnostic } from '../../diagnostics.js';
import { suggestion } from '../../naming/did-you-mean.js';
import type { Entry, Spec } from '../../spec.js';
import { unknownReference } from '../references.js';
import type { Registry } from '../section.js';
import { alarmsOf, type Alarm } from './model.js';

function checkAlarm(spec: Spec, registry: Registry, entry: Entry<Alarm>): Diagnostic[] {
  const { value: alarm, file, path } = entry;
  const { section, type } = registry.alarmTypes.get(alarm.type)!;
  const out: Diagnostic[] = [];
  for (const [key, name] of Object.entries(alarm.targets)) {
    if (key === type.watches && type.watchable) {
      // The watched thing lives inside the section's items (a rule on a bus): the type lists its names.
      const known = type.watchable.names(spec);
      if (!known.has(name)) {
        out.push(
          error(
            'GEN312',
            `alarm '${entry.name}' watches ${type.watchable.noun} '${name}', which is not defined.${suggestion(name, known)}`,
            { file, path: [...path, key] },
            `use the name of a ${type.watchable.noun} from the ${section.key} section`,
          ),
        );
      }
    } else if (key === type.watches) {
      out.push(
        ...unknownReference(spec, section, name, `alarm '${entry.name}' watches`, { file, path: [...path, key] }),
      );
    } else {
      out.push(
        error(
          'GEN206',
          `a ${alarm.type} alarm watches ${type.watches ? `a ${type.watches}` : type.subject}, not a ${key}`,
          { file, path: [...path, key], at: 'key' },
          `remove '${key}'`,
        ),
      );
    }
  }
  if (alarm.statistic !== undefined && !(type.statistics ?? []).includes(alarm.statistic)) {
    out.push(
      error(
        'GEN205',
        `a ${alarm.type} alarm cannot choose its statistic ${type.statistics ? `'${alarm.statistic}'` : ''}`.trim(),
        { file, path: [...path, 'statistic'] },
        type.statistics
          ? `use one of: ${type.statistics.join(', ')}`
          : 'remove statistic: this type has a fixed recipe',
      ),
    );
  }
  const unavailable = type.unavailable?.(spec);
  if (unavailable)
    out.push(
      error(
        unavailable.code,
        `alarm '${entry.name}' ${unavailable.message}`,
        { file, path: [...path, 'type'] },
        unavailable.fix,
      ),
    );
  if (typeof alarm.threshold === 'object') {
    for (const env of Object.keys(alarm.threshold)) {
      if (!spec.environmentNames.includes(env)) {
        out.push(
          error(
            'GEN308',
            `threshold names environment '${env}', which has no file in environments/.${suggestion(env, spec.environmentNames)}`,
            { file, path: [...path, 'threshold', env], at: 'key' },
            `use one of: ${spec.environmentNames.join(', ')}`,
          ),
        );
      }
    }
  }
  return out;
}

export const checkAlarms = (spec: Spec, registry: Registry): Diagnostic[] =>
  alarmsOf(spec).items.flatMap((entry) => checkAlarm(spec, registry, entry));
