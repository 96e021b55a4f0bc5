import { KEBAB_NAME, type JsonSchema } from '../../schema/json-schema.js';
import { ALARM_TYPES } from './model.js';

const typesWith = (target: string) => Object.entries(ALARM_TYPES).filter(([, t]) => t.target === target).map(([name]) => name);
const needs = (target: 'function' | 'table'): JsonSchema => ({
  if: { required: ['type'], properties: { type: { enum: typesWith(target) } } },
  // The properties here only give the "missing key" message its example.
  then: { required: [target], properties: { [target]: { description: `Name of the ${target} watched.`, examples: ['orders'] } } },
});

export const alarmSchema: JsonSchema = {
  type: 'object',
  description: 'A CloudWatch alarm; it notifies the project\'s encrypted alarm topic.',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: {
      enum: Object.keys(ALARM_TYPES),
      examples: ['function-error-rate'],
      description: Object.entries(ALARM_TYPES).map(([name, t]) => `${name}: ${t.about} (${t.unit}, default ${t.defaultThreshold})`).join('; '),
    },
    function: { type: 'string', pattern: KEBAB_NAME, hint: 'use the name of a function from the functions section', description: 'Function watched (function-* types).', examples: ['orders'] },
    table: { type: 'string', pattern: KEBAB_NAME, hint: 'use the name of a table from the tables section', description: 'Table watched (table-* types).', examples: ['orders'] },
    threshold: {
      description: 'Alarm when the value reaches this; one number, or one per environment ({test: 10, production: 5}).',
      examples: [5, { test: 10, production: 5 }],
      if: { type: 'object' },
      then: { type: 'object', minProperties: 1, propertyNames: { pattern: KEBAB_NAME, hint: 'use environment names such as test or production' }, additionalProperties: { type: 'number', minimum: 0 } },
      else: { type: 'number', minimum: 0 },
    },
    description: { type: 'string', maxLength: 1024, description: 'What to do when it fires (shown in the notification).', examples: ['Check the orders dashboard; page the on-call engineer'] },
  },
  allOf: [needs('function'), needs('table')],
};
