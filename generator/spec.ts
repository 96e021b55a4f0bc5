/**
 * The spec model: what the validated YAML means, with defaults applied, independent of which
 * file each item came from (every item keeps its origin for messages). The model knows no
 * section by name: each section reads its own part with the typed accessors of
 * sections/section.ts (itemsOf, singleOf), so adding a section never edits this file.
 */

/** One named item of a map section, with where it was written. */
export interface Entry<T> {
  name: string;
  file: string;
  /** Path of the item inside its file, e.g. ['tables', 'orders']. */
  path: (string | number)[];
  value: T;
}

/** Items of a map section: the valid ones, plus every name written (valid or not), for references. */
export interface Items<T> {
  items: Entry<T>[];
  names: Set<string>;
}

export interface Spec {
  /** Project root (spec/, handlers/ and environments/ live under it). */
  root: string;
  specDir: string;
  /** The spec files read, in order. */
  files: string[];
  /** Names of the environment files, for per-environment values. */
  environmentNames: string[];
  /** Each section's part, by section key: Items for map sections, an Entry for a single section that is defined. */
  sections: Record<string, Items<unknown> | Entry<unknown> | undefined>;
}

export const byName = <T>(items: Items<T>, name: string): Entry<T> | undefined =>
  items.items.find((e) => e.name === name);
