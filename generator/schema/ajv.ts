/** One configured ajv: all errors at once, strict schemas, our `hint` keyword, defaults filled in. */
import { Ajv, type ValidateFunction } from 'ajv';
import type { JsonSchema } from './json-schema.js';

let instance: Ajv | undefined;

export function ajv(): Ajv {
  if (!instance) {
    instance = new Ajv({ allErrors: true, strict: true, strictRequired: false, verbose: true, useDefaults: true, allowUnionTypes: true });
    instance.addVocabulary(['hint']);
  }
  return instance;
}

export const compileSchema = (schema: JsonSchema): ValidateFunction => ajv().compile(schema);
