/** Rules on code and access: functions (P4), API validation (P6), IAM granularity (P9). */
import { literal, references, resourcesOf, type CfnTemplate, type Rule } from './rule.js';

const dynamoTables = (statements: any[]) => statements
  .filter((s) => [s.Action].flat().some((a: string) => String(a).startsWith('dynamodb:')))
  .flatMap((s) => [s.Resource].flat()).map(literal).filter(Boolean)
  .map((arn) => /:table\/([^/]+)/.exec(arn!)?.[1]).filter(Boolean) as string[];

function roleStatements(template: CfnTemplate, roleId: string): any[] {
  const role = template.Resources[roleId];
  const inline = (role?.Properties?.Policies ?? []).flatMap((p: any) => p.PolicyDocument?.Statement ?? []);
  const attached = resourcesOf(template, 'AWS::IAM::Policy').filter(([, p]) => references(p.Properties?.Roles).has(roleId))
    .flatMap(([, p]) => p.Properties?.PolicyDocument?.Statement ?? []);
  return [...inline, ...attached];
}

export const functionConfiguration: Rule = {
  id: 'GEN-P4', name: 'function-configuration', property: 4, title: 'Lambda function configuration compliance',
  description: 'Every function has X-Ray tracing Active, an execution role, an environment variable naming each DynamoDB table its role may use, memory within 128-10240 MB and timeout within 1-900 s, and runs in private subnets whenever the stack declares a network.',
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
        ...tables.filter((t) => !variables.includes(t)).map((t) => ({ resource: id, message: `may use table '${t}' but has no environment variable naming it` })),
        ...(p.MemorySize === undefined || (p.MemorySize >= 128 && p.MemorySize <= 10240) ? [] : [{ resource: id, message: `memory ${p.MemorySize} MB is outside 128-10240` }]),
        ...(p.Timeout === undefined || (p.Timeout >= 1 && p.Timeout <= 900) ? [] : [{ resource: id, message: `timeout ${p.Timeout} s is outside 1-900` }]),
        ...(hasNetwork && !(p.VpcConfig?.SubnetIds ?? []).length ? [{ resource: id, message: 'the stack has a VPC but the function is not in its subnets' }] : []),
      ];
    });
  },
};

const BODY_METHODS = ['post', 'put', 'patch'];
export const apiValidation: Rule = {
  id: 'GEN-P6', name: 'api-request-validation', property: 6, title: 'API Gateway request validation',
  description: 'Every API method validates its request: parameters always, and a JSON body schema for POST, PUT and PATCH.',
  fix: 'give every operation a request validator (x-amazon-apigateway-request-validator) and POST/PUT/PATCH a requestBody schema',
  check: (template) => [
    ...resourcesOf(template, 'AWS::ApiGateway::RestApi').flatMap(([id, r]) => {
      const body = r.Properties?.Body;
      if (!body?.paths) return [];
      const validators = body['x-amazon-apigateway-request-validators'] ?? {};
      return Object.entries(body.paths as Record<string, Record<string, any>>).flatMap(([path, operations]) =>
        Object.entries(operations).filter(([method]) => method !== 'options').flatMap(([method, op]) => {
          const validator = validators[op['x-amazon-apigateway-request-validator'] ?? body['x-amazon-apigateway-request-validator']];
          const where = `${method.toUpperCase()} ${path}`;
          return [
            ...(validator?.validateRequestParameters ? [] : [{ resource: id, message: `${where} does not validate request parameters` }]),
            ...(BODY_METHODS.includes(method) && !(validator?.validateRequestBody && op.requestBody?.content?.['application/json']?.schema)
              ? [{ resource: id, message: `${where} does not validate its body against a schema` }] : []),
          ];
        }));
    }),
    ...resourcesOf(template, 'AWS::ApiGateway::Method').filter(([, r]) => r.Properties?.HttpMethod !== 'OPTIONS')
      .flatMap(([id, r]) => (r.Properties?.RequestValidatorId ? [] : [{ resource: id, message: 'method has no request validator' }])),
  ],
};

/** Services whose data resources must be named one by one (design property 9). */
const DATA_SERVICES = ['dynamodb', 's3', 'secretsmanager'];
export const iamGranularity: Rule = {
  id: 'GEN-P9', name: 'iam-granularity', property: 9, title: 'IAM policy granularity',
  description: 'No IAM statement grants DynamoDB, S3 or Secrets Manager actions on a wildcard resource: each table, bucket or secret is named.',
  fix: 'list the ARNs of the exact tables (and indexes), buckets or secrets instead of *',
  check: (template) => {
    const statements = [
      ...resourcesOf(template, 'AWS::IAM::Role').flatMap(([id, r]) => (r.Properties?.Policies ?? []).flatMap((p: any) => (p.PolicyDocument?.Statement ?? []).map((s: any) => [id, s]))),
      ...['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'].flatMap((type) => resourcesOf(template, type).flatMap(([id, r]) => (r.Properties?.PolicyDocument?.Statement ?? []).map((s: any) => [id, s]))),
    ] as [string, any][];
    return statements.flatMap(([id, s]) => {
      const services = [s.Action].flat().map((a: string) => String(a).split(':')[0]);
      if (s.Effect !== 'Allow' || !services.some((svc) => DATA_SERVICES.includes(svc) || svc === '*')) return [];
      const wild = [s.Resource].flat().map((res) => literal(res) ?? '').filter((arn) => arn === '*' || /:(table|secret)[:/]\*|:::\*|\/\*$/.test(arn) && !/\/index\/\*$/.test(arn));
      return wild.map((arn) => ({ resource: id, message: `grants ${[s.Action].flat().join(', ')} on '${arn}'` }));
    });
  },
};
