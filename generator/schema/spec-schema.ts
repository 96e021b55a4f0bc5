/** The schema of one spec file, assembled from the sections' own schemas (one source for validation, docs and editors). */
import type { JsonSchema } from './json-schema.js';

/** A section as this schema needs it (structural: the registry stays above this floor). */
export interface SchemaPart {
  key: string;
  kind: 'map' | 'single';
  names?: { noun: string; pattern: string; maxLength: number; hint: string };
}

export function specFileSchema(
  sections: readonly SchemaPart[],
  schemaOf: (section: SchemaPart) => JsonSchema,
): JsonSchema {
  return {
    $id: 'https://gen.dev/schemas/spec.json',
    title: 'gen spec file',
    description: 'A file under spec/: any of the sections below; sections of a kind may be spread over several files.',
    type: 'object',
    additionalProperties: false,
    // x-... keys hold YAML anchors for the rest of the file (docker-compose's convention): anything goes there.
    patternProperties: {
      '^x-': { description: 'Holds YAML anchors (&name) that sections of this file reuse (<<: *name).' },
    },
    properties: Object.fromEntries(
      sections.map((section) => [
        section.key,
        section.kind === 'single'
          ? schemaOf(section)
          : {
              type: 'object',
              description: `${section.names!.noun[0].toUpperCase()}${section.names!.noun.slice(1)}s by name.`,
              propertyNames: {
                pattern: section.names!.pattern,
                maxLength: section.names!.maxLength,
                hint: section.names!.hint,
              },
              additionalProperties: schemaOf(section),
            },
      ]),
    ),
  };
}
