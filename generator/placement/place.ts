/**
 * Stage 5a, placement: assign every group to a stack of its layer. Groups already placed stay
 * where the committed placement put them; new groups fill the layer's stacks in order up to the
 * fill limits, and a stack is added when none has room. A stack pushed past CloudFormation's
 * hard limits by a group that grew sheds stateless groups (with a warning); a stateful group is
 * never moved: the build fails instead.
 */
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Layer } from '../output/fragment.js';
import { fillLimits, type StackLimits } from '../output/limits.js';
import type { Group, Size } from './groups.js';
import type { Placement } from './lock.js';
import { byText } from '../order.js';

interface Bin {
  name: string;
  size: Size;
  groups: Group[];
}

const over = (size: Size, limits: StackLimits) =>
  size.resources > limits.resources || size.bytes > limits.templateBytes || size.outputs > limits.outputs;

const sum = (a: Size, b: Size): Size => ({
  resources: a.resources + b.resources,
  bytes: a.bytes + b.bytes,
  outputs: a.outputs + b.outputs,
});

function add(bin: Bin, group: Group) {
  bin.groups.push(group);
  bin.size = sum(bin.size, group.size);
}

function remove(bin: Bin, group: Group) {
  bin.groups = bin.groups.filter((g) => g !== group);
  bin.size = bin.groups.reduce((s, g) => sum(s, g.size), { resources: 0, bytes: 0, outputs: 0 });
}

function limitsText(bin: Bin, hard: StackLimits) {
  return `${bin.size.resources}/${hard.resources} resources, ${Math.round(bin.size.bytes / 1024)}/${Math.round(hard.templateBytes / 1024)} KB, ${bin.size.outputs}/${hard.outputs} outputs`;
}

function placeLayer(
  layer: Layer,
  groups: Group[],
  previous: Placement | undefined,
  hard: StackLimits,
  diagnostics: Diagnostic[],
): Bin[] {
  const fill = fillLimits(hard);
  const bins = (previous?.stacks[layer] ?? [layer]).map(
    (name): Bin => ({ name, size: { resources: 0, bytes: 0, outputs: 0 }, groups: [] }),
  );
  const byName = new Map(bins.map((b) => [b.name, b]));
  const pending: { group: Group; after: number }[] = [];
  for (const group of groups) {
    const bin = byName.get(previous?.groups[group.name] ?? '');
    if (bin) add(bin, group);
    else pending.push({ group, after: 0 });
  }
  bins.forEach((bin, index) => {
    while (over(bin.size, hard)) {
      const movable = bin.groups.filter((g) => !g.stateful && !g.shared).at(-1);
      if (!movable) {
        const stuck = bin.groups.filter((g) => g.stateful).map((g) => g.name);
        diagnostics.push(
          error(
            'GEN505',
            `stack ${bin.name} would exceed CloudFormation's limits (${limitsText(bin, hard)}) and what is left in it holds data (${stuck.slice(0, 5).join(', ')}${stuck.length > 5 ? ', ...' : ''}), which never moves between stacks`,
            undefined,
            'remove or shrink resources of this stack (fewer indexes, routes or alarms on it), or move data deliberately with a migration',
          ),
        );
        break;
      }
      remove(bin, movable);
      // Only to a later stack: it is deployed after this one, which deletes the old copy first.
      pending.push({ group: movable, after: index + 1 });
      diagnostics.push(
        warning(
          'GEN504',
          `${movable.name} moves out of stack ${bin.name}, which grew past CloudFormation's limits; it is deleted there and created again in a later stack (a short interruption)`,
          undefined,
          'commit the updated placement file; to avoid moves, keep stacks below 80% full',
        ),
      );
    }
  });
  // Shared groups first: other stacks take parameters from them, so they must come early.
  pending.sort((a, b) => Number(b.group.shared) - Number(a.group.shared));
  for (const { group, after } of pending) {
    let bin = bins.slice(after).find((b) => b.groups.length === 0 || !over(sum(b.size, group.size), fill));
    if (!bin) {
      let n = bins.length + 1;
      while (byName.has(`${layer}-${n}`)) n++;
      bin = { name: `${layer}-${n}`, size: { resources: 0, bytes: 0, outputs: 0 }, groups: [] };
      bins.push(bin);
      byName.set(bin.name, bin);
    }
    add(bin, group);
  }
  return bins;
}

export interface PlacementResult {
  placement: Placement;
  /** Stacks in deploy order, with their groups. */
  stacks: { layer: Layer; name: string; groups: Group[] }[];
  diagnostics: Diagnostic[];
}

/** `layers` in deploy order (the registry's): stacks are listed, and so deployed, in that order. */
export function placeGroups(
  groups: Group[],
  previous: Placement | undefined,
  environment: string,
  hard: StackLimits,
  layers: readonly Layer[],
): PlacementResult {
  const placement: Placement = { format: 1, environment, stacks: {}, groups: {} };
  const stacks: PlacementResult['stacks'] = [];
  const diagnostics: Diagnostic[] = [];
  for (const layer of layers) {
    const mine = groups.filter((g) => g.layer === layer);
    // A layer that was deployed keeps its stacks, even when emptied, so the deployer updates them.
    if (mine.length === 0 && !previous?.stacks[layer]) continue;
    const bins = placeLayer(layer, mine, previous, hard, diagnostics);
    placement.stacks[layer] = bins.map((b) => b.name);
    for (const bin of bins) {
      for (const g of bin.groups) placement.groups[g.name] = bin.name;
      stacks.push({ layer, name: bin.name, groups: [...bin.groups].sort((a, b) => byText(a.name, b.name)) });
    }
  }
  return { placement, stacks, diagnostics };
}
