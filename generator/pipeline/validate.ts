/** Stage 2, validate: every spec file against the spec schema, reporting all errors at once. */
import { error, type Diagnostic } from '../diagnostics.js';
import { validatorsFor, type Schemas } from '../schema/ajv.js';
import { explain } from '../schema/explain.js';
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
    return validate(source.data) ? [] : explain(source.file, validate.errors);
  });
}
