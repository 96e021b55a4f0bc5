import { byText } from '../../order.js';
import type { Spec } from '../../spec.js';
import { itemsOf } from '../section.js';
export type KeyType = 'string' | 'number' | 'binary';
export interface Key {
  name: string;
  type: KeyType;
}
export interface Index {
  name: string;
  partitionKey: Key;
  sortKey?: Key;
}
export interface Table {
  partitionKey: Key;
  sortKey?: Key;
  indexes: Index[];
  /** Attribute holding an expiry time (epoch seconds); items past it are deleted. */
  ttl?: string;
}

type RawKey = string | { name: string; type?: KeyType };
interface RawIndex {
  partitionKey: RawKey;
  sortKey?: RawKey;
}
export interface RawTable {
  partitionKey: RawKey;
  sortKey?: RawKey;
  indexes?: Record<string, RawIndex>;
  ttl?: string;
}

const key = (raw: RawKey): Key =>
  typeof raw === 'string' ? { name: raw, type: 'string' } : { name: raw.name, type: raw.type ?? 'string' };

export function normalizeTable(raw: RawTable): Table {
  return {
    partitionKey: key(raw.partitionKey),
    ...(raw.sortKey !== undefined ? { sortKey: key(raw.sortKey) } : {}),
    indexes: Object.entries(raw.indexes ?? {})
      .map(([name, index]) => ({
        name,
        partitionKey: key(index.partitionKey),
        ...(index.sortKey !== undefined ? { sortKey: key(index.sortKey) } : {}),
      }))
      .sort((a, b) => byText(a.name, b.name)),
    ...(raw.ttl !== undefined ? { ttl: raw.ttl } : {}),
  };
}

/** The tables of a spec. */
export const tablesOf = (spec: Spec) => itemsOf<Table>(spec, 'tables');
