/** The schema of one spec file, assembled from the sections' own schemas (one source for validation, docs and editors). */
import { SECTIONS } from '../sections/index.js';
import type { JsonSchema } from './json-schema.js';

export function specFileSchema(): JsonSchema {
  return {
    $id: 'https://gen.dev/schemas/spec.json',
    title: 'gen spec file',
    description: 'A file under spec/: any of the sections below; sections of a kind may be spread over several files.',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(SECTIONS.map((section) => [
      section.key,
      section.kind === 'single' ? section.schema : {
        type: 'object',
        description: `${section.names!.noun[0].toUpperCase()}${section.names!.noun.slice(1)}s by name.`,
        propertyNames: { pattern: section.names!.pattern, maxLength: section.names!.maxLength, hint: section.names!.hint },
        additionalProperties: section.schema,
      },
    ])),
  };
}
