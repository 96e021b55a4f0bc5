/** The backup section's model: which tables AWS Backup selects. */
import type { Spec } from '../../spec.js';
import { singleOf } from '../section.js';
import { tablesOf } from '../tables/model.js';

export interface Backup {
  /** Every table of the spec, or these. */
  tables: 'all' | string[];
  /** Tables left out of `all`. */
  exclude: string[];
}

export const normalizeBackup = (raw: { tables?: 'all' | string[]; exclude?: string[] }): Backup => ({
  tables: raw.tables ?? 'all',
  exclude: raw.exclude ?? [],
});

export const backupOf = (spec: Spec) => singleOf<Backup>(spec, 'backup');

/** The tables backed up, sorted: the selection's order never depends on file order. */
export function selectedTables(spec: Spec, backup: Backup): string[] {
  const chosen = backup.tables === 'all' ? tablesOf(spec).items.map((e) => e.name) : backup.tables;
  return chosen.filter((t) => !backup.exclude.includes(t)).sort();
}
