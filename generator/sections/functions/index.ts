/** functions: Lambda functions with their code, sizing and the tables they use. */
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import type { Section } from '../section.js';
import { checkFunctions } from './check.js';
import { compileFunctions } from './compile.js';
import { normalizeFunction } from './model.js';
import { functionSchema } from './schema.js';

export const functionsSection: Section = {
  key: 'functions',
  kind: 'map',
  schema: functionSchema,
  // <environment>-<name> must fit Lambda's 64-character function names.
  names: { pattern: KEBAB_NAME, noun: 'function', hint: KEBAB_HINT, maxLength: 40 },
  normalize: normalizeFunction,
  check: checkFunctions,
  compile: compileFunctions,
};
