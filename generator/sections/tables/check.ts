/** Key definitions must agree: DynamoDB declares each key attribute once, with one type. */
import { error, type Diagnostic } from '../../diagnostics.js';
import { names } from '../../naming/ids.js';
import type { Entry, Spec } from '../../spec.js';
import { physicalNameProblem } from '../project/limits.js';
import type { Key, Table } from './model.js';

export function checkTableKeys(entry: Entry<Table>): Diagnostic[] {
  const { value: table } = entry;
  const seen = new Map<string, { type: string; where: string }>();
  const diagnostics: Diagnostic[] = [];
  const visit = (key: Key | undefined, path: (string | number)[], where: string) => {
    if (!key) return;
    const first = seen.get(key.name);
    if (!first) {
      seen.set(key.name, { type: key.type, where });
      return;
    }
    if (first.type !== key.type) {
      diagnostics.push(
        error(
          'GEN309',
          `attribute '${key.name}' is a ${key.type} here but a ${first.type} in ${first.where}`,
          { file: entry.file, path: [...entry.path, ...path] },
          `use one type for '${key.name}' everywhere in table '${entry.name}'`,
        ),
      );
    }
  };
  /** A sort key naming the partition key's attribute: reported once, not also as a type conflict. */
  const sameKeys = (partitionKey: Key, sortKey: Key | undefined, path: (string | number)[], what: string): boolean => {
    if (sortKey?.name !== partitionKey.name) return false;
    diagnostics.push(
      error(
        'GEN340',
        `the sort key of ${what} is '${sortKey.name}', its partition key too: DynamoDB needs two different attributes`,
        { file: entry.file, path: [...entry.path, ...path, 'sortKey'] },
        `remove sortKey (items are then found by '${partitionKey.name}' alone), or name another attribute`,
      ),
    );
    return true;
  };
  visit(table.partitionKey, ['partitionKey'], 'the partition key');
  if (!sameKeys(table.partitionKey, table.sortKey, [], `table '${entry.name}'`))
    visit(table.sortKey, ['sortKey'], 'the sort key');
  for (const index of table.indexes) {
    visit(index.partitionKey, ['indexes', index.name, 'partitionKey'], `index '${index.name}'`);
    if (!sameKeys(index.partitionKey, index.sortKey, ['indexes', index.name], `index '${index.name}'`))
      visit(index.sortKey, ['indexes', index.name, 'sortKey'], `index '${index.name}'`);
  }
  const ttlKey = table.ttl === undefined ? undefined : seen.get(table.ttl);
  if (ttlKey && ttlKey.type !== 'number') {
    diagnostics.push(
      error(
        'GEN309',
        `ttl attribute '${table.ttl}' is a ${ttlKey.type} key, but expiry times are numbers`,
        { file: entry.file, path: [...entry.path, 'ttl'] },
        'use a number attribute (epoch seconds) for ttl',
      ),
    );
  }
  return diagnostics;
}

/** The table's name in AWS, <environment>-<name>, fits DynamoDB's limit in every environment. */
export function checkTableName(spec: Spec, entry: Entry<Table>): Diagnostic[] {
  const long = physicalNameProblem('table', entry.name, spec.environmentNames, (env) => names.table(env, entry.name), {
    max: 255,
    what: 'DynamoDB table names',
  });
  return long ? [error('GEN320', long.message, { file: entry.file, path: entry.path, at: 'key' }, long.fix)] : [];
}
