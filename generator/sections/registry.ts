/**
 * The registry: built once from a list of sections, it derives everything the rest of gen
 * needs to know about them (layer order, stateful types, what functions may use, alarm types),
 * and refuses an inconsistent list (two sections with one key, a layer after an unknown one).
 */
import { byText } from '../order.js';
import { environmentSchema } from '../environment/schema.js';
import type { Schemas } from '../schema/ajv.js';
import type { JsonSchema } from '../schema/json-schema.js';
import { specFileSchema } from '../schema/spec-schema.js';
import type { AlarmType, LayerSpec, Registry, Section, Usable } from './section.js';

const regionText = (layer: LayerSpec) => layer.region ?? "the environment's region";

function orderLayers(specs: LayerSpec[]): LayerSpec[] {
  const ordered: LayerSpec[] = [];
  // Layers placed before another wait until it is placed, then go right in front of it.
  const pending = specs.filter((l) => l.before === undefined);
  const before = specs.filter((l) => l.before !== undefined);
  while (pending.length > 0) {
    const next = pending.findIndex((l) => l.after === undefined || ordered.some((o) => o.name === l.after));
    if (next === -1)
      throw new Error(
        `layers placed after unknown layers: ${pending.map((l) => `${l.name} (after ${l.after})`).join(', ')}`,
      );
    const [layer] = pending.splice(next, 1);
    const known = ordered.find((o) => o.name === layer.name);
    // Several sections may put resources in one layer they all declare; they must agree on its place and region.
    if (known && known.after === layer.after && known.region !== layer.region)
      throw new Error(`layer '${layer.name}' is declared in ${regionText(known)} and in ${regionText(layer)}`);
    if (known && known.after === layer.after) continue;
    if (known) throw new Error(`layer '${layer.name}' is declared after '${known.after}' and after '${layer.after}'`);
    const at = layer.after === undefined ? 0 : ordered.findIndex((o) => o.name === layer.after) + 1;
    // Several layers after one: the one declared first stays nearest to it, with the layers that follow it.
    let index = at;
    const passed = new Set<string>();
    while (
      index < ordered.length &&
      layer.after !== undefined &&
      (ordered[index].after === layer.after || passed.has(ordered[index].after ?? ''))
    )
      passed.add(ordered[index++].name);
    ordered.splice(index, 0, layer);
  }
  for (const layer of before) {
    if (ordered.some((o) => o.name === layer.name)) {
      const known = ordered.find((o) => o.name === layer.name)!;
      if (known.before === layer.before && known.region === layer.region) continue;
      throw new Error(`layer '${layer.name}' is declared in two places`);
    }
    const at = ordered.findIndex((o) => o.name === layer.before);
    if (at === -1) throw new Error(`layer '${layer.name}' is placed before unknown layer '${layer.before}'`);
    ordered.splice(at, 0, layer);
  }
  return ordered;
}

/** Region names as AWS writes them (us-east-1, eu-central-1, us-gov-west-1, ap-southeast-3). */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

export function createRegistry(sections: readonly Section[]): Registry {
  for (const layer of sections.flatMap((s) => s.layers ?? []))
    if (layer.region !== undefined && !REGION.test(layer.region))
      throw new Error(`layer '${layer.name}' has region '${layer.region}', which is not a region name like us-east-1`);
  const byKey = new Map<string, Section>();
  for (const section of sections) {
    if (byKey.has(section.key)) throw new Error(`two sections have the key '${section.key}'`);
    byKey.set(section.key, section);
  }
  const alarmTypes = new Map<string, { section: Section; type: AlarmType }>();
  for (const section of sections) {
    for (const [name, type] of Object.entries(section.alarmTypes ?? {})) {
      if (alarmTypes.has(name))
        throw new Error(`alarm type '${name}' is defined by ${alarmTypes.get(name)!.section.key} and ${section.key}`);
      alarmTypes.set(name, { section, type });
    }
  }
  const schemas = new Map<Section, JsonSchema>();
  let schemaCache: Schemas | undefined;
  const registry: Registry = {
    sections,
    layers: orderLayers(sections.flatMap((s) => s.layers ?? [])),
    // Only what the sections declare (the escape hatch declares the types only it can write), sorted: the stack policy lists them.
    statefulTypes: new Set(sections.flatMap((s) => s.statefulTypes ?? []).sort(byText)),
    pinnedTypes: new Set(sections.flatMap((s) => [...(s.statefulTypes ?? []), ...(s.pinnedTypes ?? [])]).sort(byText)),
    usable: sections.filter((s): s is Section & { usable: Usable } => s.usable !== undefined),
    alarmTypes,
    section: (key) => byKey.get(key),
    schemaOf: (section) => {
      let schema = schemas.get(section);
      if (!schema) {
        schema = typeof section.schema === 'function' ? section.schema(registry) : section.schema;
        schemas.set(section, schema);
      }
      return schema;
    },
    get schemas() {
      schemaCache ??= {
        spec: specFileSchema(sections, (s) => registry.schemaOf(s as Section)),
        environment: environmentSchema(sections),
      };
      return schemaCache;
    },
  };
  return registry;
}
