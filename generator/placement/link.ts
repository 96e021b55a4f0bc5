/**
 * Stage 5b, links between stacks. Stacks never import each other's exports (an export locks
 * the exporting resource). They refer to each other by deterministic names; the one thing
 * without a name, a shared resource's Ref (the API id), is an output of its stack and a
 * parameter of the stacks that need it, filled in by the deployer from the earlier stack.
 */
import { error, type Diagnostic } from '../diagnostics.js';
import type { Layer, PlacedResource } from '../output/fragment.js';
import type { Merged } from '../output/merge.js';
import { references, renameReference } from '../output/references.js';
import type { StackPlan } from '../output/stacks.js';
import type { PlacementResult } from './place.js';

interface StackAt {
  name: string;
  index: number;
  region: string;
}

const dependsOn = (resource: unknown): string[] =>
  [(resource as { DependsOn?: string | string[] }).DependsOn ?? []].flat();

/** `regionOf`: the region a layer's stacks deploy to (its LayerSpec.region, else the environment's). */
export function linkStacks(
  merged: Merged,
  placed: PlacementResult,
  regionOf: (layer: Layer) => string,
): { plans: StackPlan[]; diagnostics: Diagnostic[] } {
  const stackOf = new Map<string, StackAt>();
  placed.stacks.forEach((stack, index) => {
    for (const group of stack.groups)
      for (const r of group.resources)
        stackOf.set(r.logicalId, { name: stack.name, index, region: regionOf(stack.layer) });
  });
  const diagnostics: Diagnostic[] = [];
  const plans = placed.stacks.map((stack, index): StackPlan => {
    const plan: StackPlan = {
      layer: stack.layer,
      region: regionOf(stack.layer),
      name: stack.name,
      resources: [],
      outputs: [],
      parameters: {},
    };
    for (const group of stack.groups) {
      plan.outputs.push(...group.outputs);
      for (const r of group.resources) {
        if (r.sharedAs)
          plan.outputs.push({
            layer: stack.layer,
            group: group.name,
            name: r.sharedAs,
            description: `Ref of ${r.logicalId}, passed to other stacks by gen deploy`,
            value: { Ref: r.logicalId },
          });
        plan.resources.push({
          logicalId: r.logicalId,
          resource: linked(r, index, stack.name, plan, stackOf, merged, diagnostics),
        });
      }
    }
    return plan;
  });
  return { plans, diagnostics };
}

/** The resource with references to other stacks turned into parameters, or a diagnostic when that is impossible. */
function linked(
  placed: PlacedResource,
  index: number,
  stackName: string,
  plan: StackPlan,
  stackOf: Map<string, StackAt>,
  merged: Merged,
  diagnostics: Diagnostic[],
): unknown {
  let resource: unknown = placed.resource;
  for (const target of new Set([...references(resource), ...dependsOn(resource)])) {
    const where = stackOf.get(target);
    if (!where || where.name === stackName) continue;
    const shared = merged.resources.get(target)?.sharedAs;
    if (shared && where.index < index) {
      resource = renameReference(resource, target, shared);
      const type = merged.resources.get(target)?.sharedType;
      plan.parameters[shared] = {
        stack: where.name,
        output: shared,
        ...(type ? { type } : {}),
        // Outputs are read from a stack in its own region: the deployer must know which.
        ...(where.region !== plan.region ? { region: where.region } : {}),
      };
      if (!references(resource).has(target) && !dependsOn(resource).includes(target)) continue;
    }
    diagnostics.push(
      error(
        'GEN508',
        `${placed.logicalId} (stack ${stackName}) refers to ${target}, which is in stack ${where.name}; a stack can only refer to another one by name`,
        undefined,
        'in escape-hatch resources, refer to generated resources by their names (for example !Sub arn:...:table/${env}-orders) instead of Ref or GetAtt',
      ),
    );
  }
  return resource;
}
