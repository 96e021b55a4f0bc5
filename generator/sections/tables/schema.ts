import type { JsonSchema } from '../../schema/json-schema.js';

const ATTRIBUTE = '^[A-Za-z0-9_.-]{1,255}$';
const ATTRIBUTE_HINT = 'use letters, digits, underscore, dash or dot (1-255 characters)';

/** A key is an attribute name (a string key) or `{name, type}`. */
const key = (description: string): JsonSchema => ({
  description: `${description} An attribute name (string type), or {name, type}.`,
  examples: ['tenantId', { name: 'version', type: 'number' }],
  if: { type: 'object' },
  then: {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: {
        type: 'string',
        pattern: ATTRIBUTE,
        hint: ATTRIBUTE_HINT,
        description: 'Attribute name.',
        examples: ['version'],
      },
      type: { enum: ['string', 'number', 'binary'], default: 'string', description: 'Attribute type.' },
    },
  },
  else: { type: ['string', 'object'], pattern: ATTRIBUTE, hint: ATTRIBUTE_HINT },
});

export const tableSchema: JsonSchema = {
  type: 'object',
  description: 'A DynamoDB table. Its name in AWS is <environment>-<name>.',
  additionalProperties: false,
  required: ['partitionKey'],
  properties: {
    partitionKey: key('Attribute every item is looked up by.'),
    sortKey: key('Attribute that orders items sharing a partition key.'),
    indexes: {
      type: 'object',
      description: 'Global secondary indexes: other ways to query the table, by name.',
      examples: [{ 'status-index': { partitionKey: 'status', sortKey: { name: 'createdAt', type: 'number' } } }],
      maxProperties: 20,
      propertyNames: { pattern: '^[A-Za-z0-9_.-]{3,255}$', hint: 'use 3-255 letters, digits, underscore, dash or dot' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['partitionKey'],
        description: 'One index: all attributes are projected.',
        properties: {
          partitionKey: key('Attribute the index is looked up by.'),
          sortKey: key('Attribute that orders items in the index.'),
        },
      },
    },
    ttl: {
      type: 'string',
      pattern: ATTRIBUTE,
      hint: ATTRIBUTE_HINT,
      description: 'Attribute with an expiry time in epoch seconds; expired items are deleted.',
      examples: ['expiresAt'],
    },
  },
};
