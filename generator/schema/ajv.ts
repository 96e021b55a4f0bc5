/**
 * One configured ajv: all errors at once, strict schemas, our `hint` keyword, defaults filled in.
 * Validators come precompiled from the package build (scripts/precompile-validators.mjs) when
 * available and current; otherwise they are compiled here, once per process.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import { environmentSchema } from '../environment/schema.js';
import { specFileSchema } from './spec-schema.js';

const require = createRequire(import.meta.url);

/** ajv itself is loaded only when something must be compiled: builds use the precompiled validators. */
export const newAjv = (extra: Options = {}): Ajv => {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, verbose: true, useDefaults: true, allowUnionTypes: true, ...extra });
  ajv.addVocabulary(['hint']);
  return ajv;
};

/** Identifies the schemas a precompiled module was made from, so a stale one is never used. */
export const schemaHash = () => createHash('sha256').update(JSON.stringify([specFileSchema(), environmentSchema])).digest('hex');

type Validators = { spec: ValidateFunction; environment: ValidateFunction };
let validators: Validators | undefined;

function precompiled(): Validators | undefined {
  try {
    const module = require('./validators.generated.cjs') as Validators & { schemaHash: string };
    return module.schemaHash === schemaHash() ? module : undefined;
  } catch {
    return undefined;
  }
}

export function validatorFor(which: keyof Validators): ValidateFunction {
  if (!validators) {
    validators = precompiled();
    if (!validators) {
      const ajv = newAjv();
      validators = { spec: ajv.compile(specFileSchema()), environment: ajv.compile(environmentSchema) };
    }
  }
  return validators[which];
}
