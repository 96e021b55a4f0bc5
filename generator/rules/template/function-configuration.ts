/**
 * GEN-P4, design property 4. Why: X-Ray tracing is how a request is followed across API, functions
 * and tables; a function without a role cannot be created; a table the role may use but no variable
 * names means the code hard-codes a name (and breaks in the other environment); memory and timeout
 * are checked against Lambda's own limits (128-10240 MB, 1-900 s; the design's narrower 256-1024 MB
 * and 10-300 s are this platform's choices, kept by the reference spec); a function outside the
 * private subnets would bypass the network the design puts every function in.
 *
 * The network is usually in another stack than the functions (gen's network layer): the rule looks
 * for a VPC in every stack of the environment, and follows a subnet that arrives as a parameter to
 * the stack whose output of that name supplies it (how gen links stacks). A subnet is private when
 * no route of its route table leads to an internet gateway and it gives no public addresses. A
 * function marked `Metadata: {gen: {network: none}}` (the spec's `network: none`) is reported as a
 * warning: a deliberate exception, still listed.
 */
import { environmentOf, type EnvironmentView } from '../environment-view.js';
import { literal, references, resourcesOf, type CfnTemplate, type Rule, type Violation } from '../rule.js';
import { findSubnet, isPublicSubnet } from '../subnets.js';

/** Names of the DynamoDB tables a role's statements grant actions on. */
const dynamoTables = (statements: any[]) =>
  statements
    .filter((s) => [s.Action].flat().some((a: string) => String(a).startsWith('dynamodb:')))
    .flatMap((s) => [s.Resource].flat())
    .map(literal)
    .filter(Boolean)
    .map((arn) => /:table\/([^/]+)/.exec(arn!)?.[1])
    .filter(Boolean) as string[];

/** A role's statements: its inline policies and the AWS::IAM::Policy resources attached to it. */
function roleStatements(template: CfnTemplate, roleId: string): any[] {
  const role = template.Resources[roleId];
  const inline = (role?.Properties?.Policies ?? []).flatMap((p: any) => p.PolicyDocument?.Statement ?? []);
  const attached = resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([, p]) => references(p.Properties?.Roles).has(roleId))
    .flatMap(([, p]) => p.Properties?.PolicyDocument?.Statement ?? []);
  return [...inline, ...attached];
}

const allows = (statements: any[], action: string) =>
  statements.some(
    (s) =>
      s.Effect === 'Allow' &&
      [s.Action]
        .flat()
        .some((a: string) => a === '*' || a === 'ec2:*' || String(a).toLowerCase() === action.toLowerCase()),
  );

/** What is wrong with where a function runs, in an environment that has (or has not) a VPC. */
function networkFindings(
  id: string,
  r: any,
  template: CfnTemplate,
  view: EnvironmentView,
  statements: any[] | undefined,
): Violation[] {
  const hasNetwork = view.all('AWS::EC2::VPC').length > 0;
  const config = r.Properties?.VpcConfig;
  const subnets: unknown[] = config?.SubnetIds ?? [];
  if (subnets.length === 0) {
    if (!hasNetwork) return [];
    return r.Metadata?.gen?.network === 'none'
      ? [{ resource: id, severity: 'warning', message: 'runs outside the private network (network: none)' }]
      : [{ resource: id, message: 'the environment has a VPC but the function is not in its subnets' }];
  }
  const out: Violation[] = [];
  for (const value of subnets) {
    const subnet = findSubnet(value, template, view);
    if (subnet && isPublicSubnet(subnet))
      out.push({
        resource: id,
        message: `runs in subnet ${subnet.id}, which is public (a route to an internet gateway, or public addresses)`,
      });
  }
  if ((config?.SecurityGroupIds ?? []).length === 0)
    out.push({ resource: id, message: 'has subnets but no security group (VpcConfig.SecurityGroupIds)' });
  if (statements && !allows(statements, 'ec2:CreateNetworkInterface'))
    out.push({
      resource: id,
      message: 'runs in subnets but its role may not create network interfaces (ec2:CreateNetworkInterface)',
    });
  return out;
}

export const functionConfiguration: Rule = {
  id: 'GEN-P4',
  name: 'function-configuration',
  property: 4,
  scope: 'environment',
  title: 'Lambda function configuration compliance',
  description:
    'Every function has X-Ray tracing Active, an execution role, an environment variable naming each DynamoDB table its role may use, memory within 128-10240 MB and timeout within 1-900 s, and, whenever the environment has a VPC (in any stack), runs in its private subnets with a security group and a role that may create network interfaces (a function marked network: none is a warning).',
  fix: 'set TracingConfig.Mode: Active, a Role, a variable per table, and sizes within the limits; attach VpcConfig with private subnets when the environment has a VPC',
  check: (template, context) => {
    const view = environmentOf(template, context);
    return resourcesOf(template, 'AWS::Lambda::Function').flatMap(([id, r]) => {
      const p = r.Properties ?? {};
      const roleId = [...references(p.Role)][0];
      const variables = Object.values(p.Environment?.Variables ?? {}).map(String);
      const statements = roleId && template.Resources[roleId] ? roleStatements(template, roleId) : undefined;
      const tables = statements ? dynamoTables(statements) : [];
      return [
        ...(p.TracingConfig?.Mode === 'Active' ? [] : [{ resource: id, message: 'X-Ray tracing is not Active' }]),
        ...(p.Role ? [] : [{ resource: id, message: 'has no execution role' }]),
        ...tables
          .filter((t) => !variables.includes(t))
          .map((t) => ({ resource: id, message: `may use table '${t}' but has no environment variable naming it` })),
        ...(p.MemorySize === undefined || (p.MemorySize >= 128 && p.MemorySize <= 10240)
          ? []
          : [{ resource: id, message: `memory ${p.MemorySize} MB is outside 128-10240` }]),
        ...(p.Timeout === undefined || (p.Timeout >= 1 && p.Timeout <= 900)
          ? []
          : [{ resource: id, message: `timeout ${p.Timeout} s is outside 1-900` }]),
        ...networkFindings(id, r, template, view, statements),
      ];
    });
  },
};
