import { KEBAB_NAME, type JsonSchema } from '../../schema/json-schema.js';
import type { Registry } from '../section.js';
import { watchKeys } from './model.js';

/** The alarm schema: types and watched keys come from the sections (Section.alarmTypes). */
export function alarmSchema(registry: Registry): JsonSchema {
  const types = [...registry.alarmTypes];
  const typesWatching = (key: string) => types.filter(([, { type }]) => type.watches === key).map(([name]) => name);
  const needs = (key: string): JsonSchema => ({
    if: { required: ['type'], properties: { type: { enum: typesWatching(key) } } },
    // The properties here only give the "missing key" message its example.
    then: {
      required: [key],
      properties: { [key]: { description: `Name of the ${key} watched.`, examples: ['orders'] } },
    },
  });
  const keys = watchKeys(registry);
  return {
    type: 'object',
    description: "A CloudWatch alarm; it notifies the project's encrypted alarm topic.",
    additionalProperties: false,
    required: ['type'],
    properties: {
      type: {
        enum: types.map(([name]) => name),
        examples: [types[0]?.[0]],
        description: types
          .map(([name, { type }]) => `${name}: ${type.about} (${type.unit}, default ${type.defaultThreshold})`)
          .join('; '),
      },
      ...Object.fromEntries(
        keys.map((key) => {
          const section = registry.alarmTypes.get(typesWatching(key)[0])!.section;
          return [
            key,
            {
              type: 'string',
              pattern: KEBAB_NAME,
              hint: `use the name of a ${key} from the ${section.key} section`,
              description: `${key[0].toUpperCase()}${key.slice(1)} watched (${typesWatching(key).join(', ')}).`,
              examples: ['orders'],
            },
          ];
        }),
      ),
      threshold: {
        description:
          'Alarm when the value reaches this; one number, or one per environment ({test: 10, production: 5}).',
        examples: [5, { test: 10, production: 5 }],
        if: { type: 'object' },
        then: {
          type: 'object',
          minProperties: 1,
          propertyNames: { pattern: KEBAB_NAME, hint: 'use environment names such as test or production' },
          additionalProperties: { type: 'number', minimum: 0 },
        },
        else: {
          type: 'number',
          minimum: 0,
          hint: 'write a number, or one per environment: { test: 10, production: 5 }',
        },
      },
      period: {
        type: 'integer',
        enum: [10, 30, 60, 300, 900, 3600, 21600, 86400],
        description: "Seconds in one evaluation period of this alarm. Default: the environment's alarms.periodSeconds.",
        examples: [60],
      },
      evaluationPeriods: {
        type: 'integer',
        minimum: 1,
        maximum: 100,
        description:
          "Periods in breach before this alarm fires. Default: the environment's alarms.evaluationPeriods. CloudWatch looks back at most 1 day with periods under an hour, 7 days with longer ones (period × evaluationPeriods; GEN204).",
        examples: [1],
      },
      statistic: {
        enum: [...new Set(types.flatMap(([, { type }]) => type.statistics ?? []))],
        description: `How the metric is aggregated per period, for types that let you choose (${types
          .filter(([, { type }]) => type.statistics)
          .map(([name, { type }]) => `${name}: ${type.statistics!.join(', ')}; default ${type.statistics![0]}`)
          .join('; ')}).`,
        examples: ['average'],
      },
      description: {
        type: 'string',
        maxLength: 1024,
        description: 'What to do when it fires (shown in the notification).',
        examples: ['Check the orders dashboard; page the on-call engineer'],
      },
    },
    allOf: keys.map(needs),
  };
}
