/**
 * Stage 5b, links between stacks. Stacks never import each other's exports (an export locks
 * the exporting resource). They refer to each other by deterministic names; what has no name
 * is an output of its stack and a parameter of the later stacks that need it, filled in by the
 * deployer from the earlier stack: a shared resource's Ref (the API id: PlacedResource.sharedAs),
 * and the attributes a resource shares (the cache's endpoint: PlacedResource.sharedAttributes),
 * one output and parameter per attribute some later stack reads, named by ids.linkedAttribute.
 */
import { error, type Diagnostic } from '../diagnostics.js';
import { ids } from '../naming/ids.js';
import type { Layer, PlacedResource } from '../output/fragment.js';
import type { Merged } from '../output/merge.js';
import { attributeReads, references, renameAttribute, renameReference } from '../output/references.js';
import type { StackPlan } from '../output/stacks.js';
import type { PlacementResult } from './place.js';

interface StackAt {
  name: string;
  index: number;
  region: string;
  group: string;
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
        stackOf.set(r.logicalId, { name: stack.name, index, region: regionOf(stack.layer), group: group.name });
  });
  const diagnostics: Diagnostic[] = [];
  const plans: StackPlan[] = [];
  placed.stacks.forEach((stack, index) => {
    const plan: StackPlan = {
      layer: stack.layer,
      region: regionOf(stack.layer),
      name: stack.name,
      resources: [],
      outputs: [],
      parameters: {},
    };
    plans.push(plan);
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
          resource: linked(r, index, plans, stackOf, merged, diagnostics),
        });
      }
    }
  });
  return { plans, diagnostics };
}

/** The resource with references to other stacks turned into parameters, or a diagnostic when that is impossible. */
function linked(
  placed: PlacedResource,
  index: number,
  plans: StackPlan[],
  stackOf: Map<string, StackAt>,
  merged: Merged,
  diagnostics: Diagnostic[],
): unknown {
  const plan = plans[index];
  let resource: unknown = placed.resource;
  for (const target of new Set([...references(resource), ...dependsOn(resource)])) {
    const where = stackOf.get(target);
    if (!where || where.name === plan.name) continue;
    const source = merged.resources.get(target);
    if (where.index < index) {
      // Outputs are read from a stack in its own region: the deployer must know which.
      const region = where.region !== plan.region ? { region: where.region } : {};
      if (source?.sharedAs) {
        resource = renameReference(resource, target, source.sharedAs);
        plan.parameters[source.sharedAs] = {
          stack: where.name,
          output: source.sharedAs,
          ...(source.sharedType ? { type: source.sharedType } : {}),
          ...region,
        };
      }
      for (const attribute of attributeReads(resource, target)) {
        if (!source?.sharedAttributes?.includes(attribute)) continue;
        const name = ids.linkedAttribute(target, attribute);
        resource = renameAttribute(resource, target, attribute, name);
        plan.parameters[name] = { stack: where.name, output: name, ...region };
        const from = plans[where.index];
        if (!from.outputs.some((o) => o.name === name))
          from.outputs.push({
            layer: from.layer,
            group: where.group,
            name,
            description: `${attribute} of ${target}, passed to other stacks by gen deploy`,
            value: { 'Fn::GetAtt': [target, attribute] },
          });
      }
      if (!references(resource).has(target) && !dependsOn(resource).includes(target)) continue;
    }
    diagnostics.push(
      error(
        'GEN508',
        `${placed.logicalId} (stack ${plan.name}) refers to ${target}, which is in stack ${where.name}; a stack can only refer to another one by name`,
        undefined,
        'in escape-hatch resources, refer to generated resources by their names (for example !Sub arn:...:table/${env}-orders) instead of Ref or GetAtt',
      ),
    );
  }
  return resource;
}
