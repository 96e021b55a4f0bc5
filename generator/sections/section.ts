/**
 * What a spec section is: a top-level key of spec files with its own schema, its own
 * reference checks and its own compile step. Adding a section means adding a folder with
 * these parts and listing it in sections/index.ts.
 */
import type { Code, Diagnostic } from '../diagnostics.js';
import type { Environment } from '../environment/model.js';
import type { Spec } from '../spec.js';
import type { Fragment } from '../output/fragment.js';
import type { JsonSchema } from '../schema/json-schema.js';

export interface CompileContext {
  spec: Spec;
  env: Environment;
}

export interface Section {
  /** The top-level key in spec files (tables, functions, ...). */
  key: string;
  /** 'map': named items (`tables: {orders: ...}`); 'single': one value for the whole project. */
  kind: 'map' | 'single';
  /** JSON Schema of one item (map) or of the value (single). */
  schema: JsonSchema;
  /** Pattern and words for item names, for map sections. */
  names?: { pattern: string; hint: string; noun: string; maxLength: number; duplicate?: Code };
  /** Turn one schema-valid raw item (shorthands, omitted keys) into its model; the schema guarantees its shape. */
  normalize?: (raw: any, name: string) => unknown;
  /** Reference checks across sections, on the assembled spec. */
  check?: (spec: Spec) => Diagnostic[];
  /** CloudFormation resources for one environment. */
  compile?: (ctx: CompileContext) => Fragment;
}
