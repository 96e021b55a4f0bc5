/** Key definitions must agree: DynamoDB declares each key attribute once, with one type. */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Entry } from '../../spec.js';
import type { Key, Table } from './model.js';

export function checkTableKeys(entry: Entry<Table>): Diagnostic[] {
  const { value: table } = entry;
  const seen = new Map<string, { type: string; where: string }>();
  const diagnostics: Diagnostic[] = [];
  const visit = (key: Key | undefined, path: (string | number)[], where: string) => {
    if (!key) return;
    const first = seen.get(key.name);
    if (!first) { seen.set(key.name, { type: key.type, where }); return; }
    if (first.type !== key.type) {
      diagnostics.push(error('GEN309', `attribute '${key.name}' is a ${key.type} here but a ${first.type} in ${first.where}`,
        { file: entry.file, path: [...entry.path, ...path] }, `use one type for '${key.name}' everywhere in table '${entry.name}'`));
    }
  };
  visit(table.partitionKey, ['partitionKey'], 'the partition key');
  visit(table.sortKey, ['sortKey'], 'the sort key');
  for (const index of table.indexes) {
    visit(index.partitionKey, ['indexes', index.name, 'partitionKey'], `index '${index.name}'`);
    visit(index.sortKey, ['indexes', index.name, 'sortKey'], `index '${index.name}'`);
  }
  const ttlKey = table.ttl === undefined ? undefined : seen.get(table.ttl);
  if (ttlKey && ttlKey.type !== 'number') {
    diagnostics.push(error('GEN309', `ttl attribute '${table.ttl}' is a ${ttlKey.type} key, but expiry times are numbers`,
      { file: entry.file, path: [...entry.path, 'ttl'] }, 'use a number attribute (epoch seconds) for ttl'));
  }
  return diagnostics;
}
