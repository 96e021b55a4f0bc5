/**
 * What functions may do with a table: `tables: {orders: read}` (read, write, read-write) or an
 * exact list of DynamoDB operations. Each grants exactly those actions on the table (and its
 * indexes when the access reads), never a `*` resource, and sets TABLE_<NAME> to the table's name.
 */
import { arns, names } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import { byName } from '../../spec.js';
import type { Reference, Usable } from '../section.js';
import { tablesOf } from './model.js';

const READ = ['BatchGetItem', 'ConditionCheckItem', 'DescribeTable', 'GetItem', 'Query', 'Scan'];
const WRITE = ['BatchWriteItem', 'DeleteItem', 'PutItem', 'UpdateItem'];
export const OPERATIONS = [...READ, ...WRITE].sort();
const LEVELS = ['read', 'write', 'read-write'] as const;
export type TableAccess = (typeof LEVELS)[number] | string[];

export const operationsFor = (access: TableAccess): string[] =>
  Array.isArray(access)
    ? [...new Set(access)].sort()
    : access === 'read'
      ? READ
      : access === 'write'
        ? WRITE
        : OPERATIONS;

/** Index ARNs are needed by operations that can read through an index. */
const readsIndexes = (access: TableAccess) =>
  Array.isArray(access) ? access.some((op) => op === 'Query' || op === 'Scan') : access !== 'write';

export const tableUsable: Usable = {
  service: 'dynamodb',
  access: {
    description: 'read, write or read-write; or an exact list of DynamoDB operations.',
    if: { type: 'array' },
    then: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: OPERATIONS } },
    else: { enum: [...LEVELS] },
  },
  description:
    'Tables the code uses and how: read, write, read-write, or a list of DynamoDB operations ([GetItem, Query]); `{access, variable}` renames the variable. Each becomes a TABLE_<NAME> variable and exactly these permissions.',
  example: { orders: 'read-write', audit: { access: ['GetItem', 'PutItem'], variable: 'AUDIT_TABLE' } },
  variable: names.tableVariable,
  holds: 'the name of table',
  value: (name, { env }) => names.table(env.name, name),
  statements: ({ name, access }: Reference, { spec, env }) => {
    const tableArn = arns.table(names.table(env.name, name));
    const level = access as TableAccess;
    // Queries on an index need the index ARN; writes go through the table only.
    const indexes = readsIndexes(level) ? (byName(tablesOf(spec), name)?.value.indexes ?? []) : [];
    return [
      {
        Sid: `Table${name.replace(/[^A-Za-z0-9]/g, '')}`,
        Effect: 'Allow',
        Action: operationsFor(level).map((op) => `dynamodb:${op}`),
        Resource: [sub(tableArn), ...indexes.map((index) => sub(`${tableArn}/index/${index.name}`))],
      },
    ];
  },
};
