/**
 * One configured ajv: all errors at once, strict schemas, our `hint` keyword, defaults filled in.
 * Validators come precompiled from the package build (scripts/precompile-validators.mjs) when
 * available and current; otherwise they are compiled here, once per process.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import type { JsonSchema } from './json-schema.js';

const require = createRequire(import.meta.url);

/** ajv itself is loaded only when something must be compiled: builds use the precompiled validators. */
export const newAjv = (extra: Options = {}): Ajv => {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    verbose: true,
    useDefaults: true,
    allowUnionTypes: true,
    ...extra,
  });
  ajv.addVocabulary(['hint']);
  return ajv;
};

/** The two schemas gen validates with, derived from the section registry (Registry.schemas). */
export interface Schemas {
  spec: JsonSchema;
  environment: JsonSchema;
}

/** Identifies the schemas a precompiled module was made from, so a stale one is never used. */
export const schemaHash = (schemas: Schemas) =>
  createHash('sha256')
    .update(JSON.stringify([schemas.spec, schemas.environment]))
    .digest('hex');

export type Validators = { spec: ValidateFunction; environment: ValidateFunction };
const compiled = new WeakMap<Schemas, Validators>();

function precompiled(schemas: Schemas): Validators | undefined {
  try {
    const module = require('./validators.generated.cjs') as Validators & { schemaHash: string };
    return module.schemaHash === schemaHash(schemas) ? module : undefined;
  } catch {
    return undefined;
  }
}

/** Validators for these schemas: precompiled when the package build made them from the same schemas, else compiled once. */
export function validatorsFor(schemas: Schemas): Validators {
  let validators = compiled.get(schemas);
  if (!validators) {
    validators = precompiled(schemas);
    if (!validators) {
      const ajv = newAjv();
      validators = { spec: ajv.compile(schemas.spec), environment: ajv.compile(schemas.environment) };
    }
    compiled.set(schemas, validators);
  }
  return validators;
}
