/**
 * Request body schemas: inline, or a file under spec/. Files live in spec/schemas/ (JSON or
 * YAML): the spec-file scan skips that folder (yaml/source.ts), so a YAML schema is never read
 * as a spec file. A JSON file elsewhere under spec/ works too (JSON files are never spec files).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fullYaml } from '../../yaml/parsers.js';
import { SCHEMAS_FOLDER } from '../../yaml/source.js';
import type { Route } from './model.js';

/** Any JSON object: what POST/PUT/PATCH accept when the spec names no body schema. */
export const DEFAULT_BODY_SCHEMA = { type: 'object' };

export type BodySchemaResult = { schema: Record<string, unknown> } | { problem: string; fix?: string };

const isYaml = (file: string) => /\.ya?ml$/.test(file);

export function readBodySchema(specDir: string, route: Route): BodySchemaResult {
  if (route.body === undefined) return { schema: DEFAULT_BODY_SCHEMA };
  if (typeof route.body !== 'string') return { schema: route.body };
  const inside = normalize(route.body);
  if (inside.startsWith('..') || inside.startsWith(sep)) {
    return {
      problem: `body schema file '${route.body}' is outside the spec folder`,
      fix: `move it to spec/${SCHEMAS_FOLDER}/ and write body: ${SCHEMAS_FOLDER}/<file>`,
    };
  }
  if (isYaml(inside) && !inside.startsWith(`${SCHEMAS_FOLDER}${sep}`)) {
    return {
      problem: `body schema file '${route.body}' is a YAML file outside spec/${SCHEMAS_FOLDER}/, so gen reads it as a spec file too`,
      fix: `move it to spec/${SCHEMAS_FOLDER}/ and write body: ${SCHEMAS_FOLDER}/${inside.split(sep).pop()}`,
    };
  }
  const full = join(specDir, route.body);
  if (!existsSync(full)) return { problem: `body schema file '${route.body}' not found in the spec folder` };
  try {
    const text = readFileSync(full, 'utf8');
    // JSON is YAML too, but JSON.parse reads it many times faster.
    const schema: unknown = full.endsWith('.json') ? JSON.parse(text) : fullYaml().parse(text);
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      return {
        problem: `body schema file '${route.body}' does not hold a JSON Schema object`,
        fix: 'start the file with a mapping, for example {"type": "object"}',
      };
    }
    return { schema: schema as Record<string, unknown> };
  } catch (e) {
    return {
      problem: `body schema file '${route.body}' is not valid JSON or YAML: ${String((e as Error).message).split('\n')[0]}`,
      fix: "fix the file's syntax",
    };
  }
}
