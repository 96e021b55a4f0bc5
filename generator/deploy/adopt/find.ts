/**
 * Resources a deploy would create that already exist outside any stack: kept by an earlier
 * `gen destroy` of a protected environment (DeletionPolicy Retain), so a CREATE would fail on
 * "already exists" (`production-orders`). Each is found by its physical name and imported into
 * its stack before the stack's normal change set (import.ts).
 */
import { DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { resolvePseudoParameters, type PseudoParameters } from '../../output/documents.js';
import type { Clients } from '../target.js';
import type { Template } from '../update-rules/rule.js';
import { ADOPTABLE, type Lookup } from './lookup.js';

export interface Retained {
  stackName: string;
  logicalId: string;
  type: string;
  /** Its physical name, as a person knows it: production-orders. */
  name: string;
  /** What CloudFormation imports it by: { TableName: 'production-orders' }. */
  identifier: Record<string, string>;
}

export interface StackToAdoptInto {
  stackName: string;
  template: Template;
  /** Its deployed template; absent when the stack does not exist (or holds nothing). */
  deployed?: Template;
}

/** A name property's text once the account and region are known; undefined for names made of other resources. */
function physicalName(value: unknown, pseudo: PseudoParameters): string | undefined {
  const unresolved: string[] = [];
  const name = resolvePseudoParameters(value, pseudo, unresolved);
  return typeof name === 'string' && unresolved.length === 0 ? name : undefined;
}

/** Whether a CloudFormation stack holds the resource with this physical id (CloudFormation answers for live stacks only). */
export async function owningStack(clients: Clients, physicalId: string): Promise<string | undefined> {
  try {
    const { StackResources = [] } = await clients.cfn.send(
      new DescribeStackResourcesCommand({ PhysicalResourceId: physicalId }),
    );
    return StackResources[0]?.StackName;
  } catch {
    return undefined;
  }
}

export async function findRetained(
  stacks: readonly StackToAdoptInto[],
  lookup: Lookup,
  pseudo: PseudoParameters,
  owner: (physicalId: string) => Promise<string | undefined> = async () => undefined,
): Promise<Retained[]> {
  // Names the environment's deployed stacks already hold: moving between stacks is not an import.
  const held = new Set(
    stacks.flatMap((s) =>
      Object.values(s.deployed?.Resources ?? {}).flatMap((r) => {
        const property = ADOPTABLE[r.Type]?.nameProperty;
        const name = property ? physicalName(r.Properties?.[property], pseudo) : undefined;
        return name ? [`${r.Type} ${name}`] : [];
      }),
    ),
  );
  const found: Retained[] = [];
  for (const stack of stacks) {
    for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
      const adoptable = ADOPTABLE[resource.Type];
      if (!adoptable || stack.deployed?.Resources?.[logicalId]) continue;
      const name = physicalName(resource.Properties?.[adoptable.nameProperty], pseudo);
      if (!name || held.has(`${resource.Type} ${name}`)) continue;
      const id = await lookup(resource.Type, name);
      if (id === undefined || (await owner(id)) !== undefined) continue;
      found.push({
        stackName: stack.stackName,
        logicalId,
        type: resource.Type,
        name,
        identifier: { [adoptable.identifier]: id },
      });
    }
  }
  return found;
}
