/** Request body schemas: inline, or a JSON/YAML file under spec/. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fullYaml } from '../../yaml/parsers.js';
import type { Route } from './model.js';

/** Any JSON object: what POST/PUT/PATCH accept when the spec names no body schema. */
export const DEFAULT_BODY_SCHEMA = { type: 'object' };

export type BodySchemaResult = { schema: Record<string, unknown> } | { problem: string };

export function readBodySchema(specDir: string, route: Route): BodySchemaResult {
  if (route.body === undefined) return { schema: DEFAULT_BODY_SCHEMA };
  if (typeof route.body !== 'string') return { schema: route.body };
  const full = join(specDir, route.body);
  if (!existsSync(full)) return { problem: `body schema file '${route.body}' not found in the spec folder` };
  try {
    const text = readFileSync(full, 'utf8');
    // JSON is YAML too, but JSON.parse reads it many times faster.
    const schema: unknown = full.endsWith('.json') ? JSON.parse(text) : fullYaml().parse(text);
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      return { problem: `body schema file '${route.body}' does not hold a JSON Schema object` };
    }
    return { schema: schema as Record<string, unknown> };
  } catch (e) {
    return { problem: `body schema file '${route.body}' is not valid JSON or YAML: ${String((e as Error).message).split('\n')[0]}` };
  }
}
