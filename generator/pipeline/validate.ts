/** Stage 2, validate: every spec file against the spec schema, reporting all errors at once. */
import type { ErrorObject } from 'ajv';
import { error, type Diagnostic } from '../diagnostics.js';
import { validatorsFor, type Schemas } from '../schema/ajv.js';
import { dotted, explain, pointerToPath } from '../schema/explain.js';
import { SCHEMAS_FOLDER, type SourceFile } from '../yaml/source.js';

/** Top-level keys of a JSON Schema: a file made of them alone is a body schema in the wrong place. */
const SCHEMA_KEYWORDS = new Set([
  '$schema',
  'type',
  'properties',
  'required',
  'items',
  'allOf',
  'anyOf',
  'oneOf',
  'enum',
  'definitions',
  'additionalProperties',
]);

export function validateSpecFiles(sources: SourceFile[], schemas: Schemas): Diagnostic[] {
  return sources.flatMap((source): Diagnostic[] => {
    if (!source.readable) return []; // already reported by the loader
    if (source.data === null || source.data === undefined) {
      return [
        {
          ...error(
            'GEN105',
            'this spec file is empty',
            { file: source.file, path: [] },
            'add a section (tables:, functions:, ...) or delete the file',
          ),
          severity: 'warning',
        },
      ];
    }
    if (typeof source.data !== 'object' || Array.isArray(source.data)) {
      return [
        error(
          'GEN104',
          'a spec file must be a mapping of sections (project:, tables:, functions:, routes:, alarms:)',
          { file: source.file, path: [] },
          'start the file with a section name followed by a colon, for example "tables:"',
        ),
      ];
    }
    const data = source.data as Record<string, unknown>;
    const sections = Object.keys((schemas.spec.properties ?? {}) as object);
    const keys = Object.keys(data).filter((key) => !isHolder(key));
    if (
      keys.length > 0 &&
      keys.every((key) => !sections.includes(key)) &&
      keys.some((key) => SCHEMA_KEYWORDS.has(key))
    ) {
      return [
        error(
          'GEN104',
          `this file looks like a JSON Schema (${keys.slice(0, 3).join(', ')}), not a spec file of sections`,
          { file: source.file, path: [] },
          `request body schemas live in spec/${SCHEMAS_FOLDER}/: move it there (gen reads every other YAML file under spec/ as a spec file)`,
        ),
      ];
    }
    if (keys.includes('StartAt') && keys.includes('States') && keys.every((key) => !sections.includes(key))) {
      return [
        error(
          'GEN104',
          'this file looks like a workflow definition (StartAt, States), not a spec file of sections',
          { file: source.file, path: [] },
          `name it ${source.file.replace(/\.ya?ml$/, '.asl.yaml')}: gen reads every other YAML file under spec/ as a spec file`,
        ),
      ];
    }
    const validate = validatorsFor(schemas).spec;
    if (validate(withoutHolders(data))) return [];
    const { long, rest } = namesTooLong(source.file, validate.errors ?? []);
    return [...long, ...explain(source.file, rest)];
  });
}

/**
 * Top-level keys starting with x- hold YAML anchors for the rest of the file (`x-defaults: &fn`,
 * then `<<: *fn`), as in docker-compose files: not sections, so neither validated nor read.
 */
export const isHolder = (key: string) => key.startsWith('x-');

function withoutHolders(data: Record<string, unknown>): Record<string, unknown> {
  if (!Object.keys(data).some(isHolder)) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !isHolder(key)));
}

type NameError = ErrorObject & { propertyName?: string };

/**
 * An item name over its section's length: said as such, with the limit (the generic "name not
 * allowed" would only repeat which characters are allowed). A name that also has wrong
 * characters keeps that error too.
 */
function namesTooLong(file: string, errors: NameError[]): { long: Diagnostic[]; rest: ErrorObject[] } {
  const key = (e: NameError, name: unknown) => `${e.instancePath}\0${String(name)}`;
  const tooLong = errors.filter((e) => e.keyword === 'maxLength' && e.propertyName !== undefined);
  const malformed = new Set(
    errors.filter((e) => e.keyword === 'pattern' && e.propertyName !== undefined).map((e) => key(e, e.propertyName)),
  );
  const lengthOnly = new Set(tooLong.map((e) => key(e, e.propertyName)).filter((k) => !malformed.has(k)));
  const long = tooLong.map((e) => {
    const name = e.propertyName!;
    const path = [...pointerToPath(e.instancePath), name];
    const shown = name.length > 40 ? `${name.slice(0, 37)}...` : name;
    return error(
      'GEN343',
      `name '${shown}' in ${dotted(path.slice(0, -1))} is ${name.length} characters long, and names there may have at most ${e.params.limit}` +
        ' (they become part of AWS resource names, after the environment prefix)',
      { file, path, at: 'key' },
      `shorten it to ${e.params.limit} characters or fewer`,
    );
  });
  return {
    long,
    rest: errors.filter((e) => !(e.keyword === 'propertyNames' && lengthOnly.has(key(e, e.params.propertyName)))),
  };
}
