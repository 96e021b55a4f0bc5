/**
 * API Gateway's rules for request body models. A model is JSON Schema draft 4
 * (docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings-models.html) and API
 * Gateway refuses the whole API, at deploy, for a schema that is not valid draft 4 or that uses
 * a keyword draft 4 does not have ("Invalid model schema specified. Unsupported keyword(s)").
 * Its notes for REST APIs add: no `exclusiveMinimum`, no `discriminator`/`example`/`readOnly`,
 * no `int32`/`int64`/`decimal` number formats; and a `$ref` resolves only to another model of
 * the same API, which gen does not name, so none resolves. Checked keyword by keyword (so each
 * problem has a path and a fix); tests/sections/routes.test.ts checks that whatever passes
 * also passes the draft-4 meta-schema (DRAFT4_META_SCHEMA).
 */
import { suggestion } from '../../naming/did-you-mean.js';

type Path = (string | number)[];
export interface ModelProblem {
  path: Path;
  at?: 'key';
  message: string;
  fix: string;
}

const SIMPLE_TYPES = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];

/** Keywords of later drafts and of OpenAPI, with what to write instead. */
const INSTEAD: Record<string, string> = {
  $id: "write 'id' (draft 4), or remove it",
  $defs: 'remove it and write the parts inline (a YAML anchor & and alias * reuse a part in a .yaml schema file)',
  const: 'write enum with the one value: enum: [value]',
  examples: 'remove it (describe an example in description)',
  example: 'remove it (describe an example in description)',
  nullable: "write type as a list with 'null': type: [string, 'null']",
  readOnly: 'remove it',
  writeOnly: 'remove it',
  deprecated: 'remove it',
  xml: 'remove it',
  externalDocs: 'remove it',
  discriminator: 'remove it; list the alternatives with anyOf',
  if: 'express the condition with anyOf/allOf/not',
  then: 'express the condition with anyOf/allOf/not',
  else: 'express the condition with anyOf/allOf/not',
  dependentRequired: 'write dependencies: {property: [other, ...]}',
  dependentSchemas: 'write dependencies: {property: {schema}}',
  prefixItems: 'write items as a list of schemas',
  contains: 'remove it',
  propertyNames: 'remove it (patternProperties with additionalProperties: false limits names)',
  unevaluatedProperties: 'write additionalProperties',
  unevaluatedItems: 'write additionalItems',
  contentMediaType: 'remove it',
  contentEncoding: 'remove it',
};

type Check = (value: unknown, path: Path, schema: Record<string, unknown>) => ModelProblem[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));
const problem = (path: Path, message: string, fix: string, at?: 'key'): ModelProblem[] => [
  { path, message, fix, ...(at ? { at } : {}) },
];
const key = (path: Path) => String(path[path.length - 1]);

const text: Check = (v, path) =>
  typeof v === 'string' ? [] : problem(path, `${key(path)} must be text, not ${show(v)}`, `write ${key(path)} as text`);
const count: Check = (v, path) =>
  Number.isInteger(v) && (v as number) >= 0
    ? []
    : problem(path, `${key(path)} must be a whole number of at least 0, not ${show(v)}`, `write ${key(path)}: 1`);
const number: Check = (v, path) =>
  typeof v === 'number' ? [] : problem(path, `${key(path)} must be a number, not ${show(v)}`, `write ${key(path)}: 0`);
const flag: Check = (v, path) =>
  typeof v === 'boolean'
    ? []
    : problem(path, `${key(path)} must be true or false, not ${show(v)}`, `write ${key(path)}: true`);
const regex: Check = (v, path) => {
  if (typeof v !== 'string') return text(v, path, {});
  try {
    new RegExp(v, 'u');
    return [];
  } catch (e) {
    return problem(
      path,
      `${key(path)} ${show(v)} is not a regular expression: ${String((e as Error).message).replace(/^Invalid regular expression: /, '')}`,
      'fix the expression (ECMA 262 syntax)',
    );
  }
};
const schemaOrFlag: Check = (v, path) => (typeof v === 'boolean' ? [] : subschema(v, path));
const schemaList: Check = (v, path) => {
  if (!Array.isArray(v) || v.length === 0)
    return problem(
      path,
      `${key(path)} must be a list of at least one schema, not ${show(v)}`,
      `write ${key(path)}: [{type: string}, ...]`,
    );
  return v.flatMap((item, i) => subschema(item, [...path, i]));
};
const schemaMap: Check = (v, path) => {
  if (!isObject(v))
    return problem(
      path,
      `${key(path)} must be a mapping of names to schemas, not ${show(v)}`,
      `write ${key(path)}: {name: {type: string}}`,
    );
  return Object.entries(v).flatMap(([name, item]) => subschema(item, [...path, name]));
};
function uniqueStrings(v: unknown, path: Path, example: string): ModelProblem[] {
  if (typeof v === 'string')
    return problem(
      path,
      `${key(path)} must be a list of property names, not the text ${show(v)}`,
      `write ${key(path)}: [${v}]`,
    );
  if (!Array.isArray(v) || v.length === 0 || v.some((s) => typeof s !== 'string')) {
    return problem(
      path,
      `${key(path)} must be a list of at least one property name, not ${show(v)}`,
      `write ${key(path)}: [${example}]`,
    );
  }
  const twice = v.find((s, i) => v.indexOf(s) !== i);
  return twice === undefined ? [] : problem(path, `${key(path)} names '${twice}' twice`, `name each property once`);
}
const sameValue = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : isObject(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canonical(v[k])]),
        )
      : v;

function typeName(v: unknown, path: Path): ModelProblem[] {
  if (typeof v === 'string' && SIMPLE_TYPES.includes(v)) return [];
  return problem(
    path,
    `type ${show(v)} is not a JSON Schema type.${typeof v === 'string' ? suggestion(v, SIMPLE_TYPES) : ''}`,
    `use one of: ${SIMPLE_TYPES.join(', ')}`,
  );
}

const KEYWORDS: Record<string, Check> = {
  id: text,
  title: text,
  description: text,
  format: text,
  $schema: (v, path) =>
    v === undefined || (typeof v === 'string' && /^https?:\/\/json-schema\.org\/draft-04\/schema#?$/.test(v))
      ? []
      : problem(
          path,
          `$schema ${show(v)} is not JSON Schema draft 4, the only draft API Gateway models use`,
          "write $schema: 'http://json-schema.org/draft-04/schema#', or remove it",
        ),
  default: () => [],
  multipleOf: (v, path) =>
    typeof v === 'number' && v > 0
      ? []
      : problem(path, `multipleOf must be a number above 0, not ${show(v)}`, 'write multipleOf: 1'),
  maximum: number,
  minimum: number,
  exclusiveMaximum: (v, path, schema) => [
    ...flag(v, path, schema),
    ...(schema.maximum === undefined
      ? problem(path, 'exclusiveMaximum needs maximum beside it', 'add maximum, or remove exclusiveMaximum')
      : []),
  ],
  exclusiveMinimum: (_v, path) =>
    problem(
      path,
      'API Gateway does not support exclusiveMinimum in models',
      'remove it and raise minimum to the lowest allowed value (minimum: 1 for whole numbers above 0)',
      'key',
    ),
  maxLength: count,
  minLength: count,
  maxItems: count,
  minItems: count,
  maxProperties: count,
  minProperties: count,
  pattern: regex,
  additionalItems: schemaOrFlag,
  additionalProperties: schemaOrFlag,
  items: (v, path) => (Array.isArray(v) ? schemaList(v, path, {}) : subschema(v, path)),
  uniqueItems: flag,
  required: (v, path) => uniqueStrings(v, path, 'name, ...'),
  definitions: schemaMap,
  properties: schemaMap,
  patternProperties: (v, path) => [
    ...schemaMap(v, path, {}),
    ...(isObject(v)
      ? Object.keys(v).flatMap((p) => regex(p, [...path, p], {}).map((x) => ({ ...x, at: 'key' as const })))
      : []),
  ],
  dependencies: (v, path) => {
    if (!isObject(v))
      return problem(
        path,
        `dependencies must be a mapping of property names, not ${show(v)}`,
        'write dependencies: {card: [billingAddress]}',
      );
    return Object.entries(v).flatMap(([name, item]) =>
      Array.isArray(item) || typeof item === 'string'
        ? uniqueStrings(item, [...path, name], 'other')
        : subschema(item, [...path, name]),
    );
  },
  enum: (v, path) => {
    if (!Array.isArray(v) || v.length === 0)
      return problem(
        path,
        `enum must be a list of at least one value, not ${show(v)}`,
        `write enum: [${v === undefined ? 'a, b' : show(v)}]`,
      );
    const twice = v.find((a, i) => v.findIndex((b) => sameValue(a, b)) !== i);
    return twice === undefined ? [] : problem(path, `enum lists ${show(twice)} twice`, 'list each value once');
  },
  type: (v, path) => {
    if (!Array.isArray(v)) return typeName(v, path);
    if (v.length === 0)
      return problem(path, 'type must name at least one type', `use one or more of: ${SIMPLE_TYPES.join(', ')}`);
    const twice = v.find((t, i) => v.indexOf(t) !== i);
    return [
      ...v.flatMap((t, i) => typeName(t, [...path, i])),
      ...(twice === undefined ? [] : problem(path, `type names ${show(twice)} twice`, 'name each type once')),
    ];
  },
  allOf: schemaList,
  anyOf: schemaList,
  oneOf: schemaList,
  not: (v, path) => subschema(v, path),
  $ref: (v, path) =>
    problem(
      path,
      `$ref ${show(v)} cannot be resolved: API Gateway resolves a reference only to another model of the same API, and a body schema is one model`,
      'write the referenced schema inline (in a .yaml schema file, an anchor & and alias * reuse one part in several places)',
      'key',
    ),
};

/** Formats API Gateway refuses on numbers. */
const NUMBER_FORMATS = new Set(['int32', 'int64', 'decimal']);

function subschema(schema: unknown, path: Path): ModelProblem[] {
  if (!isObject(schema)) {
    return problem(
      path,
      `${path.length === 0 ? 'a body schema' : key(path)} must be a schema (a mapping such as {type: string}), not ${show(schema)}`,
      'write a mapping with type: ...',
    );
  }
  const out: ModelProblem[] = [];
  for (const [name, value] of Object.entries(schema)) {
    const check = KEYWORDS[name];
    if (check) {
      out.push(...check(value, [...path, name], schema));
      continue;
    }
    const instead = INSTEAD[name];
    out.push({
      path: [...path, name],
      at: 'key',
      message: `'${name}' is not a keyword of JSON Schema draft 4, which API Gateway models are written in: API Gateway refuses the API.${instead ? '' : suggestion(name, Object.keys(KEYWORDS))}`,
      fix: instead ?? `remove '${name}', or write it as a draft 4 keyword`,
    });
  }
  const types = [schema.type].flat();
  if (
    typeof schema.format === 'string' &&
    NUMBER_FORMATS.has(schema.format) &&
    types.some((t) => t === 'number' || t === 'integer')
  ) {
    out.push(
      ...problem(
        [...path, 'format'],
        `API Gateway does not support the number format '${schema.format}'`,
        schema.format === 'decimal' ? 'remove format' : 'remove format (type: integer already means a whole number)',
      ),
    );
  }
  return out;
}

/** Every way `schema` breaks API Gateway's model rules, each with its path inside the schema. */
export const modelProblems = (schema: unknown): ModelProblem[] => subschema(schema, []);

/** The JSON Schema draft 4 meta-schema (json-schema.org/draft-04/schema), for tests: whatever modelProblems accepts, it accepts. */
export const DRAFT4_META_SCHEMA = {
  id: 'http://json-schema.org/draft-04/schema#',
  $schema: 'http://json-schema.org/draft-04/schema#',
  description: 'Core schema meta-schema',
  definitions: {
    schemaArray: { type: 'array', minItems: 1, items: { $ref: '#' } },
    positiveInteger: { type: 'integer', minimum: 0 },
    positiveIntegerDefault0: { allOf: [{ $ref: '#/definitions/positiveInteger' }, { default: 0 }] },
    simpleTypes: { enum: SIMPLE_TYPES },
    stringArray: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
  },
  type: 'object',
  properties: {
    id: { type: 'string' },
    $schema: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    default: {},
    multipleOf: { type: 'number', minimum: 0, exclusiveMinimum: true },
    maximum: { type: 'number' },
    exclusiveMaximum: { type: 'boolean', default: false },
    minimum: { type: 'number' },
    exclusiveMinimum: { type: 'boolean', default: false },
    maxLength: { $ref: '#/definitions/positiveInteger' },
    minLength: { $ref: '#/definitions/positiveIntegerDefault0' },
    pattern: { type: 'string', format: 'regex' },
    additionalItems: { anyOf: [{ type: 'boolean' }, { $ref: '#' }], default: {} },
    items: { anyOf: [{ $ref: '#' }, { $ref: '#/definitions/schemaArray' }], default: {} },
    maxItems: { $ref: '#/definitions/positiveInteger' },
    minItems: { $ref: '#/definitions/positiveIntegerDefault0' },
    uniqueItems: { type: 'boolean', default: false },
    maxProperties: { $ref: '#/definitions/positiveInteger' },
    minProperties: { $ref: '#/definitions/positiveIntegerDefault0' },
    required: { $ref: '#/definitions/stringArray' },
    additionalProperties: { anyOf: [{ type: 'boolean' }, { $ref: '#' }], default: {} },
    definitions: { type: 'object', additionalProperties: { $ref: '#' }, default: {} },
    properties: { type: 'object', additionalProperties: { $ref: '#' }, default: {} },
    patternProperties: { type: 'object', additionalProperties: { $ref: '#' }, default: {} },
    dependencies: {
      type: 'object',
      additionalProperties: { anyOf: [{ $ref: '#' }, { $ref: '#/definitions/stringArray' }] },
    },
    enum: { type: 'array', minItems: 1, uniqueItems: true },
    type: {
      anyOf: [
        { $ref: '#/definitions/simpleTypes' },
        { type: 'array', items: { $ref: '#/definitions/simpleTypes' }, minItems: 1, uniqueItems: true },
      ],
    },
    format: { type: 'string' },
    allOf: { $ref: '#/definitions/schemaArray' },
    anyOf: { $ref: '#/definitions/schemaArray' },
    oneOf: { $ref: '#/definitions/schemaArray' },
    not: { $ref: '#' },
  },
  dependencies: { exclusiveMaximum: ['maximum'], exclusiveMinimum: ['minimum'] },
  default: {},
} as const;
