/** The backup names existing tables, and selects at least one (AWS Backup refuses an empty selection). */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Spec } from '../../spec.js';
import { unknownReference } from '../references.js';
import type { Registry } from '../section.js';
import { backupOf, selectedTables } from './model.js';

export function checkBackup(spec: Spec, registry: Registry): Diagnostic[] {
  const backup = backupOf(spec);
  const tables = registry.section('tables');
  if (!backup || !tables) return [];
  const { value, file, path } = backup;
  const named = (key: 'tables' | 'exclude', list: string[]) =>
    list.flatMap((name, i) =>
      unknownReference(spec, tables, name, `backup ${key === 'tables' ? 'selects' : 'leaves out'}`, {
        file,
        path: [...path, key, i],
      }),
    );
  const out = [...(value.tables === 'all' ? [] : named('tables', value.tables)), ...named('exclude', value.exclude)];
  if (value.tables !== 'all' && value.exclude.length > 0)
    out.push(
      error(
        'GEN206',
        'backup lists its tables and also excludes some: exclude only applies to tables: all',
        { file, path: [...path, 'exclude'], at: 'key' },
        'remove the excluded tables from the list instead',
      ),
    );
  if (out.length === 0 && selectedTables(spec, value).length === 0)
    out.push(
      error(
        'GEN375',
        'backup selects no tables: the spec has none, or every one is excluded',
        { file, path, at: 'key' },
        'define a table to back up, or remove the backup section',
      ),
    );
  return out;
}
