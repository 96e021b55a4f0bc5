/**
 * ajv errors -> diagnostics a non-infrastructure developer can act on: what is wrong, the
 * value found, what was expected, and a fix (with did-you-mean for misspelt keys and values).
 */
import type { ErrorObject } from 'ajv';
import { error, type Code, type Diagnostic } from '../diagnostics.js';
import { suggestion } from '../naming/did-you-mean.js';
import type { JsonSchema } from './json-schema.js';

type Path = (string | number)[];

export function pointerToPath(pointer: string): Path {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * functions.orders.memory; routes."GET /x".function; budget.alerts[1].at. ajv's pointers give list
 * positions as digit strings; no section allows a name of digits alone, so those are positions.
 */
export function dotted(path: Path): string {
  return (
    path
      .map((s, i) =>
        typeof s === 'number' || /^\d+$/.test(s)
          ? `[${s}]`
          : /^[A-Za-z0-9_-]+$/.test(s)
            ? `${i ? '.' : ''}${s}`
            : `${i ? '.' : ''}"${s}"`,
      )
      .join('') || 'the file'
  );
}

export function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value.length > 60 ? value.slice(0, 57) + '...' : value}'`;
  return String(value);
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};
const typeWords = (type: unknown) =>
  [type]
    .flat()
    .map((t) => TYPE_WORDS[String(t)] ?? String(t))
    .join(' or ');

function example(schema: JsonSchema | undefined): string {
  const examples = schema?.examples as unknown[] | undefined;
  const value = examples?.[0] ?? schema?.default;
  if (value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** What a file's top-level keys are called: sections in spec files, settings in environment files. */
export type TopLevel = 'section' | 'setting';

function explainOne(file: string, e: ErrorObject, topLevel: TopLevel): Diagnostic | undefined {
  const path = pointerToPath(e.instancePath);
  const where = dotted(path);
  const parent = (e.parentSchema ?? {}) as JsonSchema;
  const at = (p: Path, code: Code, message: string, fix: string, key = false) =>
    error(code, message, { file, path: p, ...(key ? { at: 'key' as const } : {}) }, fix);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const known = Object.keys((parent.properties as object) ?? {});
      const what = path.length === 0 ? `unknown ${topLevel} '${key}'` : `unknown key '${key}' in ${where}`;
      return at(
        [...path, key],
        'GEN201',
        `${what}.${suggestion(key, known)}`,
        `${path.length === 0 ? `${topLevel}s are` : 'allowed keys are'}: ${known.join(', ')}`,
        true,
      );
    }
    case 'required': {
      const missing = String(e.params.missingProperty);
      const schema = (parent.properties as Record<string, JsonSchema> | undefined)?.[missing];
      return at(
        path,
        'GEN202',
        `${where} is missing '${missing}'`,
        `add '${missing}: ${example(schema) || '...'}'${schema?.description ? ` (${schema.description})` : ''}`,
      );
    }
    case 'type':
      // One allowed value: the const error beside this one names it, with the other forms.
      if (parent.const !== undefined) return undefined;
      return at(
        path,
        'GEN203',
        `${where} must be ${typeWords(e.params.type)}, but is ${show(e.data)}`,
        // The else of a value that may also be a mapping (one per environment): a hint there that is
        // not about a pattern names both forms.
        parent.hint && parent.pattern === undefined && e.schemaPath.endsWith('/else/type')
          ? String(parent.hint)
          : `write ${typeWords(e.params.type)}${example(parent) ? `, for example: ${example(parent)}` : ''}`,
      );
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const range =
        parent.maximum !== undefined
          ? `from ${parent.minimum ?? parent.exclusiveMinimum ?? 0} to ${parent.maximum}`
          : `of at least ${parent.minimum ?? parent.exclusiveMinimum}`;
      return at(path, 'GEN204', `${where} is ${show(e.data)}, out of range: must be ${range}`, `use a value ${range}`);
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      return at(
        path,
        'GEN205',
        `${where} is ${show(e.data)}, which is not allowed.${typeof e.data === 'string' ? suggestion(e.data, allowed) : ''}`,
        `use one of: ${allowed.join(', ')}`,
      );
    }
    case 'const': {
      // One allowed value (edge.zone's create): say which, and the schema's hint for the other forms.
      const allowed = e.params.allowedValue as unknown;
      const near = typeof e.data === 'string' && typeof allowed === 'string' ? suggestion(e.data, [allowed]) : '';
      return at(
        path,
        'GEN205',
        `${where} is ${show(e.data)}, which is not allowed.${near}`,
        String(parent.hint ?? `write ${show(allowed)}`),
      );
    }
    case 'pattern':
      return at(
        path,
        'GEN206',
        `${where} ${show(e.data)} is badly formed`,
        String(parent.hint ?? `match the pattern ${e.params.pattern}`),
      );
    case 'minLength':
    case 'maxLength':
      return at(
        path,
        'GEN206',
        `${where} is ${e.keyword === 'minLength' ? 'too short' : 'too long'}: ${e.message}`,
        `write ${e.keyword === 'minLength' ? 'at least' : 'at most'} ${e.params.limit} characters`,
      );
    case 'propertyNames': {
      const name = String(e.params.propertyName);
      const names = parent.propertyNames as JsonSchema | undefined;
      return at(
        [...path, name],
        'GEN207',
        `name '${name}' in ${where} is not allowed`,
        String(names?.hint ?? 'rename it'),
        true,
      );
    }
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
    case 'uniqueItems':
      return at(
        path,
        'GEN208',
        `${where} ${e.message}`,
        e.keyword === 'uniqueItems' ? 'remove the repeated entry' : `adjust the number of entries (${e.message})`,
      );
    case 'not':
      // A key that the keys beside it rule out (handler next to image): the schema says why and what to do.
      if (parent.hint) return at(path, 'GEN365', `${where} ${String(parent.description)}`, String(parent.hint), true);
      return at(path, 'GEN206', `${where} ${e.message ?? 'is not valid'}`, 'see the field reference in README.md');
    case 'if':
    case 'then':
    case 'else':
      return undefined; // the branch's own errors say what is wrong
    default:
      return at(path, 'GEN206', `${where} ${e.message ?? 'is not valid'}`, 'see the field reference in README.md');
  }
}

/** Inner errors of propertyNames repeat the outer one; ajv marks them with `propertyName`. */
const isNameDetail = (e: ErrorObject) =>
  e.keyword !== 'propertyNames' && (e as ErrorObject & { propertyName?: string }).propertyName !== undefined;

export function explain(
  file: string,
  errors: ErrorObject[] | null | undefined,
  topLevel: TopLevel = 'section',
): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors ?? []) {
    if (isNameDetail(e)) continue;
    const diagnostic = explainOne(file, e, topLevel);
    if (!diagnostic) continue;
    const key = `${diagnostic.code}|${diagnostic.location?.path.join('/')}|${diagnostic.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(diagnostic);
    }
  }
  return out;
}
