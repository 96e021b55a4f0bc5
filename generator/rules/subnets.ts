/**
 * Subnets as rules see them: the subnet a function's SubnetIds entry designates, in its own stack
 * (Ref) or in the stack that supplies it as a parameter (gen's links: a stack's parameter is
 * filled from the earlier stack's output of the same name), and whether it is public.
 */
import type { EnvironmentView, Found } from './environment-view.js';
import { references, resourcesOf, type CfnTemplate } from './rule.js';

const refOf = (value: unknown): string | undefined =>
  value && typeof value === 'object' && typeof (value as { Ref?: unknown }).Ref === 'string'
    ? (value as { Ref: string }).Ref
    : undefined;

/** The subnet `value` designates, or undefined when it is not one the environment's stacks define (a literal id). */
export function findSubnet(value: unknown, template: CfnTemplate, view: EnvironmentView): Found | undefined {
  const id = refOf(value);
  if (!id) return undefined;
  const here = template.Resources[id];
  if (here) return here.Type === 'AWS::EC2::Subnet' ? { stack: view.here, id, resource: here } : undefined;
  if (!(template as { Parameters?: Record<string, unknown> }).Parameters?.[id]) return undefined;
  for (const stack of view.stacks) {
    if (stack === view.here) continue;
    const output = (stack.template.Outputs?.[id] as { Value?: unknown } | undefined)?.Value;
    const target = refOf(output);
    const resource = target ? stack.template.Resources[target] : undefined;
    if (resource?.Type === 'AWS::EC2::Subnet') return { stack, id: target!, resource };
  }
  return undefined;
}

/** Public: it gives instances public addresses, or its route table sends traffic to an internet gateway. */
export function isPublicSubnet(subnet: Found): boolean {
  const template = subnet.stack.template;
  if (subnet.resource.Properties?.MapPublicIpOnLaunch === true) return true;
  const gateways = new Set(resourcesOf(template, 'AWS::EC2::InternetGateway').map(([id]) => id));
  const tables = resourcesOf(template, 'AWS::EC2::SubnetRouteTableAssociation')
    .filter(([, a]) => refOf(a.Properties?.SubnetId) === subnet.id)
    .map(([, a]) => refOf(a.Properties?.RouteTableId));
  return resourcesOf(template, 'AWS::EC2::Route').some(
    ([, route]) =>
      tables.includes(refOf(route.Properties?.RouteTableId)) &&
      ([...references(route.Properties?.GatewayId)].some((g) => gateways.has(g)) ||
        /^igw-/.test(String(route.Properties?.GatewayId ?? ''))),
  );
}
