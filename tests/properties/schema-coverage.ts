/**
 * What "every field" means, read from the schemas gen validates with: every property path
 * (`functions.*.tables.*.variable`), every JSON type a field may take where it may take several
 * (a threshold as a number and as a per-environment mapping), and every value of an enum
 * (each alarm type, runtime, layer). The same walk over a generated spec, guided by the schema,
 * lists what the spec used; the coverage test compares the two.
 */
import type { JsonSchema } from '../../generator/schema/json-schema.js';
import { type Registry, usableKey } from '../../generator/sections/section.js';

type Types = string[];
const jsonType = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v;
const normal = (t: string) => (t === 'integer' ? 'number' : t);

/**
 * Whether a node's if/then/else switches between forms of the value (`if: {type: object}`: the
 * long form, else the short one). Any other `if` (a key is present) only adds constraints to the
 * node's own properties, so the walk keeps to those.
 */
const switchesForm = (s: JsonSchema) =>
  Boolean(s.if && s.then && s.else) && Object.keys(s.if as object).every((key) => key === 'type');

/** The JSON types a schema node lets a value take (a form switch: the then-type and the else-types). */
function typesOf(s: JsonSchema): Types {
  if (switchesForm(s)) {
    const then = ((s.if as JsonSchema).type as string) ?? 'object';
    return [...new Set([normal(then), ...typesOf(s.else as JsonSchema).filter((t) => t !== normal(then))])];
  }
  if (s.enum) return [...new Set((s.enum as unknown[]).map(jsonType))];
  if (s.type) return [...new Set([s.type as string | string[]].flat().map(normal))];
  return [];
}

/** The branch of an if/then/else node a value takes (only `if: {type}` is used by gen's schemas). */
function branch(s: JsonSchema, value: unknown): JsonSchema {
  if (!switchesForm(s)) return s;
  const wanted = normal(((s.if as JsonSchema).type as string) ?? 'object');
  return branch((normal(jsonType(value)) === wanted ? s.then : s.else) as JsonSchema, value);
}

/** Every coverage item of a schema node at `path`. */
export function schemaItems(s: JsonSchema, path: string, out = new Set<string>()): Set<string> {
  const types = typesOf(s);
  if (types.length > 1) for (const t of types) out.add(`${path} as ${t}`);
  for (const node of switchesForm(s) ? [s.then as JsonSchema, s.else as JsonSchema] : [s]) {
    if (node.enum && (node.enum as unknown[]).length > 1)
      for (const v of node.enum as unknown[]) out.add(`${path} = ${JSON.stringify(v)}`);
    for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, JsonSchema>)) {
      out.add(`${path}.${key}`);
      schemaItems(child, `${path}.${key}`, out);
    }
    if (typeof node.additionalProperties === 'object')
      schemaItems(node.additionalProperties as JsonSchema, `${path}.*`, out);
    if (node.items && typeof node.items === 'object') schemaItems(node.items as JsonSchema, `${path}[]`, out);
    if (switchesForm(node) && node !== s) schemaItems(node, path, out);
  }
  return out;
}

/** The coverage items a value uses, walking it along its schema. */
export function valueItems(s: JsonSchema, value: unknown, path: string, out = new Set<string>()): Set<string> {
  if (typesOf(s).length > 1) out.add(`${path} as ${normal(jsonType(value))}`);
  const node = branch(s, value);
  if (node.enum && (node.enum as unknown[]).length > 1) out.add(`${path} = ${JSON.stringify(value)}`);
  if (value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    if (node.items && typeof node.items === 'object')
      for (const item of value) valueItems(node.items as JsonSchema, item, `${path}[]`, out);
    return out;
  }
  const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
  for (const [key, child] of Object.entries(value)) {
    if (key in properties) {
      out.add(`${path}.${key}`);
      valueItems(properties[key], child, `${path}.${key}`, out);
    } else if (typeof node.additionalProperties === 'object') {
      valueItems(node.additionalProperties as JsonSchema, child, `${path}.*`, out);
    }
  }
  return out;
}

/** The top-level key of an item (`functions.*.runtime = "python3.12"` -> functions). */
export const sectionOf = (item: string) => /^([^.\s[]+)/.exec(item)![1];

/**
 * The sections an item belongs to: its top-level key, and the section that adds it to another's
 * schema: a kind of item functions use (`functions.*.workflows`), an alarm type (`alarms.*.type =
 * "workflow-failures"`) and the key naming what it watches, a layer (`resources.*.layer =
 * "network"`), and a field named after a section or its items, which refers to them
 * (`schedules.*.workflow`, `functions.*.network`, `backup.tables`).
 */
export function ownersOf(item: string, registry: Registry): string[] {
  const top = sectionOf(item);
  const [path, value] = item.split(/ = | as /);
  const fields = path.split(/\.|\[\]/).filter((f) => f && f !== '*');
  const owners = new Set([top]);
  if (top === 'functions' && fields.length > 1) {
    const used = registry.usable.find((section) => usableKey(section) === fields[1]);
    if (used) owners.add(used.key);
  }
  if (item.startsWith('alarms.*.type = ')) {
    const type = registry.alarmTypes.get(JSON.parse(value));
    if (type) owners.add(type.section.key);
  }
  if (top === 'alarms')
    for (const { section, type } of registry.alarmTypes.values())
      if (type.watches === fields[1]) owners.add(section.key);
  if (item.startsWith('resources.*.layer = ')) {
    const layer = registry.sections.find((s) => s.layers?.some((l) => l.name === JSON.parse(value)));
    if (layer) owners.add(layer.key);
  }
  for (const field of fields.slice(1)) {
    const named = registry.section(field)?.key ?? registry.sections.find((s) => s.names?.noun === field)?.key;
    if (named) owners.add(named);
  }
  return [...owners];
}
