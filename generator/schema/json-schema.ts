/**
 * JSON Schema as plain objects. Beside the standard keywords our schemas carry `hint`
 * (one line on how to fix a value that fails `pattern`, `const`, or the type of an `else` branch), registered with ajv as a vocabulary.
 */
export type JsonSchema = { [keyword: string]: unknown };

export const KEBAB_NAME = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';
export const KEBAB_HINT =
  'use lowercase letters, digits and single dashes, starting with a letter (for example: order-events)';

export const integer = (minimum: number, maximum: number, description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'integer',
  minimum,
  maximum,
  description,
  ...extra,
});

/** An object of settings with defaults: every key optional, filled in by ajv (useDefaults). */
export const settings = (
  description: string,
  properties: Record<string, JsonSchema>,
  required: string[] = [],
): JsonSchema => ({
  type: 'object',
  description,
  additionalProperties: false,
  properties,
  required,
  default: {},
});
