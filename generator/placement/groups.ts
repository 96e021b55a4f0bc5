/**
 * The unit of placement: a group of resources that must share a stack, with what it costs
 * against CloudFormation's per-stack limits.
 */
import type { Layer, PlacedOutput, PlacedResource } from '../output/fragment.js';
import type { Merged } from '../output/merge.js';
import { sortedPlain } from '../output/stable-json.js';
import { byText } from '../order.js';

export interface Size {
  resources: number;
  bytes: number;
  outputs: number;
}

export interface Group {
  layer: Layer;
  name: string;
  resources: PlacedResource[];
  outputs: PlacedOutput[];
  size: Size;
  /** Holds data: never moved to another stack once placed. */
  stateful: boolean;
  /** Other stacks receive one of its Refs or attributes as a parameter: place it before them. */
  shared: boolean;
}

/**
 * UTF-8 bytes a resource adds to a template's Resources as gen writes them (2-space indent,
 * nested two levels): its text, its quoted key, ": " and the ",\n" before it. Exact for
 * logical IDs (letters and digits); tests/placement/groups.test.ts holds it to that.
 */
export function resourceBytes(logicalId: string, resource: unknown): number {
  const text = JSON.stringify(resource, undefined, 2) ?? '';
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return Buffer.byteLength(text) + lines * 4 + logicalId.length + 6;
}

/** Groups of the merged resources; `stateful`: the registry's types that never move (Registry.pinnedTypes). */
export function groupsOf(merged: Merged, stateful: ReadonlySet<string>): Group[] {
  const groups = new Map<string, Group>();
  const groupOf = (layer: Layer, name: string) => {
    let group = groups.get(name);
    if (!group) {
      group = {
        layer,
        name,
        resources: [],
        outputs: [],
        size: { resources: 0, bytes: 0, outputs: 0 },
        stateful: false,
        shared: false,
      };
      groups.set(name, group);
    }
    return group;
  };
  for (const original of merged.resources.values()) {
    // From here on resources are plain, canonically sorted JSON: measured, linked and written as they are.
    const placed = { ...original, resource: sortedPlain(original.resource) as object };
    const group = groupOf(placed.layer, placed.group ?? placed.logicalId);
    group.resources.push(placed);
    group.size.resources++;
    group.size.bytes += resourceBytes(placed.logicalId, placed.resource);
    group.stateful ||= stateful.has((placed.resource as { Type?: string }).Type ?? '');
    if (placed.sharedAs) {
      group.shared = true;
      group.size.outputs++;
    }
    // Counted as if every shared attribute were read: an output is written only for those that are.
    if (placed.sharedAttributes?.length) {
      group.shared = true;
      group.size.outputs += placed.sharedAttributes.length;
    }
  }
  for (const output of merged.outputs) {
    const group = groupOf(output.layer, output.group);
    group.outputs.push({ ...output, value: sortedPlain(output.value) });
    group.size.outputs++;
    group.size.bytes += JSON.stringify(output).length + 40;
  }
  return [...groups.values()].sort((a, b) => byText(a.name, b.name));
}
