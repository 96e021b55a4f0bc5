import { KEBAB_NAME, type JsonSchema } from '../../schema/json-schema.js';

export const timeseriesSchema: JsonSchema = {
  type: 'object',
  description:
    "A Timestream for LiveAnalytics database (<environment>-<name>) with its tables, retention from the environment's timeseries settings. Only for accounts that used the service before AWS closed it to new customers (2025-06-20): see the environment's timeseries.engine.",
  additionalProperties: false,
  required: ['tables'],
  properties: {
    tables: {
      type: 'array',
      uniqueItems: true,
      minItems: 1,
      items: { type: 'string', pattern: KEBAB_NAME, hint: 'use lowercase letters, digits and dashes' },
      description: 'Tables of the database.',
      examples: [['price-data', 'volume-data']],
    },
  },
};
