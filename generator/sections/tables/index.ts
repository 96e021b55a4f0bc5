/** tables: DynamoDB tables with keys, indexes and expiry. */
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import type { Section } from '../section.js';
import { checkTableKeys } from './check.js';
import { compileTables } from './compile.js';
import { normalizeTable } from './model.js';
import { tableSchema } from './schema.js';

export const tablesSection: Section = {
  key: 'tables',
  kind: 'map',
  schema: tableSchema,
  names: { pattern: KEBAB_NAME, noun: 'table', hint: KEBAB_HINT, maxLength: 200 },
  normalize: normalizeTable,
  check: (spec) => spec.tables.items.flatMap(checkTableKeys),
  compile: compileTables,
};
