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

/**
 * A switch written once for every environment or per environment: `true`, or `{production: true}`
 * (an environment not named takes the default). The description says what it switches and how an
 * unnamed environment reads it; `perEnvironment` is its example of the second form.
 */
export function perEnvironmentSwitch(
  description: string,
  fallback: boolean,
  perEnvironment: Record<string, boolean>,
): JsonSchema {
  const written = `{ ${Object.entries(perEnvironment)
    .map(([env, on]) => `${env}: ${on}`)
    .join(', ')} }`;
  return {
    description,
    examples: [perEnvironment, !fallback],
    default: fallback,
    if: { type: 'object' },
    then: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: KEBAB_NAME, hint: 'use environment names such as test or production' },
      additionalProperties: { type: 'boolean' },
    },
    else: { type: 'boolean', hint: `write true or false, or one per environment: ${written}` },
  };
}
