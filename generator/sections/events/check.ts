/**
 * Cross-references of event rules: one target that exists and that EventBridge can deliver to, a
 * standard dead-letter queue, a pattern whose leaves are lists, and rule names unique across
 * buses (they are the rules' names in AWS and what an alarm names).
 */
import { error, type Diagnostic, type Location } from '../../diagnostics.js';
import { names } from '../../naming/ids.js';
import type { Spec } from '../../spec.js';
import { physicalNameProblem } from '../project/limits.js';
import type { Registry } from '../section.js';
import { busesOf } from './model.js';
import { checkDeadLetterQueue, exactlyOneTarget, isFifo, RULE_TARGET_KINDS, unknownTarget } from './targets.js';

/** In `detail`, every field is a nested object of fields or a list of values and pattern objects. */
function checkPattern(value: unknown, location: Location, field: string): Diagnostic[] {
  if (Array.isArray(value))
    return value.length > 0
      ? []
      : [
          error(
            'GEN208',
            `match field ${field} is an empty list, which matches nothing`,
            location,
            'list at least one value',
          ),
        ];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      checkPattern(inner, { ...location, path: [...location.path, key] }, `${field}.${key}`),
    );
  }
  return [
    error(
      'GEN203',
      `match field ${field} is ${JSON.stringify(value)}; EventBridge matches lists of values`,
      location,
      `write [${JSON.stringify(value)}]`,
    ),
  ];
}

export function checkEvents(spec: Spec, registry: Registry): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ruleBus = new Map<string, string>();
  for (const bus of busesOf(spec).items) {
    const { file, path } = bus;
    const archive =
      bus.value.archive &&
      physicalNameProblem('bus', bus.name, spec.environmentNames, (env) => names.eventBusArchive(env, bus.name), {
        max: 48,
        what: 'EventBridge archive names (<environment>-<bus>)',
      });
    if (archive)
      out.push(
        error(
          'GEN320',
          archive.message,
          { file, path: [...path, 'archive'], at: 'key' },
          `${archive.fix}, or drop the archive`,
        ),
      );
    for (const { name, value: rule } of bus.value.rules) {
      const at = (...rest: (string | number)[]): Location => ({ file, path: [...path, 'rules', name, ...rest] });
      const who = `rule '${name}' on bus '${bus.name}'`;
      const long = physicalNameProblem('rule', name, spec.environmentNames, (env) => names.rule(env, name), {
        max: 64,
        what: 'EventBridge rule names',
      });
      if (long) out.push(error('GEN320', long.message, { ...at(), at: 'key' }, long.fix));
      const other = ruleBus.get(name);
      if (other !== undefined) {
        out.push(
          error(
            'GEN322',
            `rule '${name}' is also defined on bus '${other}'; rule names are unique across buses (each is <environment>-${name} in AWS)`,
            { ...at(), at: 'key' },
            'rename one of the rules',
          ),
        );
      }
      ruleBus.set(name, bus.name);
      const one = exactlyOneTarget(rule.written, RULE_TARGET_KINDS, who, at());
      out.push(...one);
      if (one.length === 0 && rule.target) {
        const { kind, name: target } = rule.target;
        const unknown = unknownTarget(spec, registry, rule.target, `${who} sends to`, at(kind));
        out.push(...unknown);
        if (unknown.length === 0 && kind === 'topic' && isFifo(spec, 'topics', target)) {
          out.push(
            error(
              'GEN321',
              `${who} sends to FIFO topic '${target}'; gen's rules deliver to standard topics only`,
              at(kind),
              'send to a standard topic, or to a FIFO queue',
            ),
          );
        }
      }
      if (rule.deadLetterQueue !== undefined)
        out.push(
          ...checkDeadLetterQueue(
            spec,
            registry,
            rule.deadLetterQueue,
            `${who} sends failed events to`,
            at('deadLetterQueue'),
          ),
        );
      if (rule.input !== undefined && rule.inputPath !== undefined) {
        out.push(
          error(
            'GEN206',
            `${who} has both input and inputPath`,
            { ...at('inputPath'), at: 'key' },
            'keep one: input (a constant) or inputPath (a part of the event)',
          ),
        );
      }
      if (rule.input !== undefined && JSON.stringify(rule.input).length > 8192) {
        out.push(
          error(
            'GEN206',
            `input of ${who} is ${JSON.stringify(rule.input).length} characters as JSON; EventBridge allows 8192`,
            at('input'),
            'send less, or let the target read it from elsewhere',
          ),
        );
      }
      if (rule.match.detail !== undefined)
        out.push(...checkPattern(rule.match.detail, at('match', 'detail'), 'detail'));
    }
  }
  return out;
}
