/** Stage 2, validate: every spec file against the spec schema, reporting all errors at once. */
import type { ErrorObject } from 'ajv';
import { error, type Diagnostic } from '../diagnostics.js';
import { validatorsFor, type Schemas } from '../schema/ajv.js';
import { dotted, explain, pointerToPath } from '../schema/explain.js';
import type { SourceFile } from '../yaml/source.js';

export function validateSpecFiles(sources: SourceFile[], schemas: Schemas): Diagnostic[] {
  return sources.flatMap((source): Diagnostic[] => {
    if (!source.readable) return []; // already reported by the loader
    if (source.data === null || source.data === undefined) {
      return [{ ...error('GEN105', 'this spec file is empty', { file: source.file, path: [] }, 'add a section (tables:, functions:, ...) or delete the file'), severity: 'warning' }];
    }
    if (typeof source.data !== 'object' || Array.isArray(source.data)) {
      return [error('GEN104', 'a spec file must be a mapping of sections (project:, tables:, functions:, routes:, alarms:)', { file: source.file, path: [] },
        'start the file with a section name followed by a colon, for example "tables:"')];
    }
    const validate = validatorsFor(schemas).spec;
    if (validate(source.data)) return [];
    const { long, rest } = namesTooLong(source.file, validate.errors ?? []);
    return [...long, ...explain(source.file, rest)];
  });
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
  const malformed = new Set(errors.filter((e) => e.keyword === 'pattern' && e.propertyName !== undefined).map((e) => key(e, e.propertyName)));
  const lengthOnly = new Set(tooLong.map((e) => key(e, e.propertyName)).filter((k) => !malformed.has(k)));
  const long = tooLong.map((e) => {
    const name = e.propertyName!;
    const path = [...pointerToPath(e.instancePath), name];
    const shown = name.length > 40 ? `${name.slice(0, 37)}...` : name;
    return error('GEN343', `name '${shown}' in ${dotted(path.slice(0, -1))} is ${name.length} characters long, and names there may have at most ${e.params.limit}`
      + ' (they become part of AWS resource names, after the environment prefix)', { file, path, at: 'key' }, `shorten it to ${e.params.limit} characters or fewer`);
  });
  return { long, rest: errors.filter((e) => !(e.keyword === 'propertyNames' && lengthOnly.has(key(e, e.params.propertyName)))) };
}
