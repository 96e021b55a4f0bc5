/**
 * GEN-P4, design property 4. Why: X-Ray tracing is how a request is followed across API, functions
 * and tables; a function without a role cannot be created; a table the role may use but no variable
 * names means the code hard-codes a name (and breaks in the other environment); memory and timeout
 * are checked against Lambda's own limits (128-10240 MB, 1-900 s; the design's narrower 256-1024 MB
 * and 10-300 s are this platform's choices, kept by the reference spec); a function outside the
 * stack's private subnets would bypass the network the design puts every function in.
 */
import { literal, references, resourcesOf, type CfnTemplate, type Rule } from '../rule.js';

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

export const functionConfiguration: Rule = {
  id: 'GEN-P4',
  name: 'function-configuration',
  property: 4,
  scope: 'stack',
  title: 'Lambda function configuration compliance',
  description:
    'Every function has X-Ray tracing Active, an execution role, an environment variable naming each DynamoDB table its role may use, memory within 128-10240 MB and timeout within 1-900 s, and runs in private subnets whenever the stack declares a network.',
  fix: 'set TracingConfig.Mode: Active, a Role, a variable per table, and sizes within the limits; attach VpcConfig when the stack has a VPC',
  check: (template) => {
    const hasNetwork = resourcesOf(template, 'AWS::EC2::VPC').length > 0;
    return resourcesOf(template, 'AWS::Lambda::Function').flatMap(([id, r]) => {
      const p = r.Properties ?? {};
      const roleId = [...references(p.Role)][0];
      const variables = Object.values(p.Environment?.Variables ?? {}).map(String);
      const tables = roleId ? dynamoTables(roleStatements(template, roleId)) : [];
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
        ...(hasNetwork && !(p.VpcConfig?.SubnetIds ?? []).length
          ? [{ resource: id, message: 'the stack has a VPC but the function is not in its subnets' }]
          : []),
      ];
    });
  },
};
