import { KEBAB_NAME, type JsonSchema } from '../../schema/json-schema.js';

const tableNames = (description: string, example: string[]): JsonSchema => ({
  type: 'array',
  uniqueItems: true,
  minItems: 1,
  items: { type: 'string', pattern: KEBAB_NAME, hint: 'use the name of a table from the tables section' },
  description,
  examples: [example],
});

export const backupSchema: JsonSchema = {
  type: 'object',
  description:
    "AWS Backup of the project's tables: an encrypted vault (data layer, kept in protected environments) and a plan with its selection and role (monitoring layer); how often and how long come from the environment's backup settings.",
  additionalProperties: false,
  examples: [{ tables: 'all', exclude: ['sessions'] }],
  properties: {
    tables: {
      description: 'Tables to back up: all (default) or a list of names.',
      examples: ['all', ['orders', 'members']],
      if: { type: 'string' },
      then: { enum: ['all'] },
      else: tableNames('Tables to back up.', ['orders', 'members']),
    },
    exclude: tableNames('Tables left out when tables is all (caches, data that can be rebuilt).', ['sessions']),
  },
};
