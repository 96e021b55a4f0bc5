import { KEBAB_NAME, type JsonSchema } from '../../schema/json-schema.js';

/** KMS's own range for PendingWindowInDays. */
const days = { type: 'integer', minimum: 7, maximum: 30 };

export const keySchema: JsonSchema = {
  type: 'object',
  description:
    'A customer-managed KMS key (symmetric, automatic yearly rotation) with the alias alias/<environment>-<project>-<name>. ' +
    'Its key policy lets the account administer it through IAM and admits no one else: functions get use of it through their roles (secrets: {x: read}, keys: {x: encrypt}), narrowed to this key by its alias. ' +
    'Kept (Retain) on delete or replacement in protected environments.',
  additionalProperties: false,
  examples: [{ description: 'Encrypts exchange and AI provider credentials' }],
  properties: {
    description: {
      type: 'string',
      minLength: 1,
      maxLength: 8192,
      description: "What the key protects (the key's Description in KMS).",
      examples: ['Encrypts exchange and AI provider credentials'],
    },
    deletionWindowDays: {
      description:
        'Days (7-30) KMS waits before deleting the key once its deletion is scheduled (after the stack deletes it), once or per environment. Default: 30 in protected environments, 7 in others.',
      examples: [30, { test: 7, production: 30 }],
      if: { type: 'object' },
      then: {
        type: 'object',
        minProperties: 1,
        propertyNames: { pattern: KEBAB_NAME, hint: 'use environment names such as test or production' },
        additionalProperties: days,
      },
      else: days,
    },
  },
};
