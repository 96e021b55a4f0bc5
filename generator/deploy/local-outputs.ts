/**
 * moto computes no outputs for stacks made through change sets (its change set's apply never
 * rebuilds the stack's output map), so a later stack would never get the parameters an earlier
 * one supplies (the network's subnet and security-group ids). On the local endpoint gen fills in
 * every missing output that is the Ref of a resource, from the physical ids of the stack's resources.
 */
import { DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { deployedTemplate } from './stack-state.js';
import type { Clients } from './target.js';

export async function localOutputs(
  clients: Clients,
  stackName: string,
  known: Record<string, string>,
): Promise<Record<string, string>> {
  try {
    const template = (await deployedTemplate(clients, stackName)) as { Outputs?: Record<string, { Value?: unknown }> };
    const missing = Object.entries(template.Outputs ?? {}).flatMap(([name, { Value }]) => {
      const ref = (Value as { Ref?: unknown } | undefined)?.Ref;
      return known[name] === undefined && typeof ref === 'string' ? [[name, ref] as const] : [];
    });
    if (missing.length === 0) return known;
    const { StackResources = [] } = await clients.cfn.send(new DescribeStackResourcesCommand({ StackName: stackName }));
    const physical = new Map(StackResources.map((r) => [r.LogicalResourceId, r.PhysicalResourceId]));
    return {
      ...known,
      ...Object.fromEntries(missing.flatMap(([name, ref]) => (physical.get(ref) ? [[name, physical.get(ref)!]] : []))),
    };
  } catch {
    // Not deployed (a review-only run): nothing to add.
    return known;
  }
}
