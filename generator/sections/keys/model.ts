import { names } from '../../naming/ids.js';
import type { Spec } from '../../spec.js';
import { projectOf } from '../project/model.js';
import { itemsOf } from '../section.js';

export interface Key {
  description?: string;
  /** Days KMS waits before deleting the key once its deletion is scheduled; once or per environment. */
  deletionWindowDays?: number | Record<string, number>;
}

export function normalizeKey(raw: Key): Key {
  return {
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    ...(raw.deletionWindowDays !== undefined ? { deletionWindowDays: raw.deletionWindowDays } : {}),
  };
}

/** The keys of a spec. */
export const keysOf = (spec: Spec) => itemsOf<Key>(spec, 'keys');

/** A key's alias in one environment: how every other stack and statement names it (its id is random). */
export const keyAlias = (spec: Spec, env: string, key: string) =>
  names.keyAlias(env, projectOf(spec)?.value.name ?? 'project', key);
