/**
 * The spec model: what the validated YAML means, with defaults applied, independent of
 * which file each item came from (every item keeps its origin for messages).
 */
import type { Project } from './sections/project/model.js';
import type { Table } from './sections/tables/model.js';
import type { FunctionSpec } from './sections/functions/model.js';
import type { Route, ApiSettings } from './sections/routes/model.js';
import type { Alarm } from './sections/alarms/model.js';
import type { RawResource } from './sections/resources/index.js';

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
  project?: Entry<Project>;
  api?: Entry<ApiSettings>;
  tables: Items<Table>;
  functions: Items<FunctionSpec>;
  routes: Items<Route>;
  alarms: Items<Alarm>;
  /** Raw CloudFormation resources (escape hatch). */
  resources: Items<RawResource>;
  /** The spec files read, in order. */
  files: string[];
  /** Names of the environment files, for per-environment values. */
  environmentNames: string[];
}

export const byName = <T>(items: Items<T>, name: string): Entry<T> | undefined =>
  items.items.find((e) => e.name === name);
