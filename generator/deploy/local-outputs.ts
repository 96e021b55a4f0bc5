/**
 * moto computes no outputs for stacks made through change sets (its change set's apply never
 * rebuilds the stack's output map), so a later stack would never get the parameters an earlier
 * one supplies (the network's subnet and security-group ids). On the local endpoint gen fills in
 * every missing output that is the Ref of a resource, from the physical ids of the stack's resources,
 * and every missing output that reads an attribute (Fn::GetAtt: a link, placement/link.ts) of a
 * resource of a type moto does not create (the cache's replication group) with a placeholder that
 * says so, `not-created-locally:<LogicalId>.<Attribute>`: nothing exists there to read. (The types
 * come from the template: moto answers DescribeStackResources with an error for such a stack.) An
 * attribute of a resource moto did create stays missing, and the deploy names the output it lacks.
 * The Ref of a skipped resource (the CloudFront distribution's id, read by the edge stack) gets the
 * placeholder `not-created-locally:<LogicalId>` the same way.
 */
import { DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { MOTO_TYPES } from './moto-types.js';
import { deployedTemplate } from './stack-state.js';
import type { Clients } from './target.js';

export async function localOutputs(
  clients: Clients,
  stackName: string,
  known: Record<string, string>,
): Promise<Record<string, string>> {
  let filled = known;
  try {
    const template = (await deployedTemplate(clients, stackName)) as Deployed;
    filled = { ...known, ...notCreated(template, known) };
    const missing = Object.entries(template.Outputs ?? {}).flatMap(([name, { Value }]) => {
      const ref = (Value as { Ref?: unknown } | undefined)?.Ref;
      return filled[name] === undefined && typeof ref === 'string' ? [[name, ref] as const] : [];
    });
    if (missing.length === 0) return filled;
    const { StackResources = [] } = await clients.cfn.send(new DescribeStackResourcesCommand({ StackName: stackName }));
    const physical = new Map(StackResources.map((r) => [r.LogicalResourceId, r.PhysicalResourceId]));
    return {
      ...filled,
      ...Object.fromEntries(missing.flatMap(([name, ref]) => (physical.get(ref) ? [[name, physical.get(ref)!]] : []))),
    };
  } catch {
    // Not deployed (a review-only run), or an endpoint that cannot list the resources: nothing more to add.
    return filled;
  }
}

type Deployed = { Resources?: Record<string, { Type?: string }>; Outputs?: Record<string, { Value?: unknown }> };

/** Missing outputs reading an attribute, or the Ref, of a resource moto skipped, each with its placeholder. */
function notCreated(template: Deployed, known: Record<string, string>): Record<string, string> {
  const skipped = (id: string) => {
    const type = template.Resources?.[id]?.Type;
    return type !== undefined && !MOTO_TYPES.has(type);
  };
  return Object.fromEntries(
    Object.entries(template.Outputs ?? {}).flatMap(([name, { Value }]) => {
      const read = (Value as { 'Fn::GetAtt'?: unknown } | undefined)?.['Fn::GetAtt'];
      const ref = (Value as { Ref?: unknown } | undefined)?.Ref;
      if (known[name] !== undefined) return [];
      if (Array.isArray(read) && skipped(String(read[0]))) return [[name, `not-created-locally:${read.join('.')}`]];
      return typeof ref === 'string' && skipped(ref) ? [[name, `not-created-locally:${ref}`]] : [];
    }),
  );
}
