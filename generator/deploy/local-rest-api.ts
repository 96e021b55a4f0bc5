/**
 * moto, the local endpoint, creates a RestApi from a template but ignores its OpenAPI body
 * (Body or BodyS3Location), so the API's Deployment then fails there: "no methods". On AWS,
 * CloudFormation imports the body itself. For moto only, gen does that import with API
 * Gateway's own PutRestApi, so the whole platform deploys locally:
 *  - a stack that does not exist yet is first created holding only its RestApi (there is
 *    nothing to import into before that);
 *  - the body is imported (overwrite) just before each execution of the stack's change set.
 * Everything else about the stack goes through the normal change-set flow.
 */
import { CreateStackCommand, DescribeStackResourceCommand } from '@aws-sdk/client-cloudformation';
import { resolvePseudoParameters, type PseudoParameters } from '../output/documents.js';
import { stackTags } from './change-set.js';
import { describeStack } from './stack-state.js';
import type { Clients } from './target.js';

interface RestApiResource {
  Type: string;
  Properties: { Body?: unknown; BodyS3Location?: { Key?: string } };
}
interface RestApiBody {
  logicalId: string;
  resource: RestApiResource;
  body: unknown;
}

type Template = { Resources?: Record<string, { Type?: string }> };

/**
 * The RestApis of a template that carry an OpenAPI body, with the body resolved for this
 * account: inline, or one of the uploaded documents (already resolved, by bucket key).
 */
export function restApiBodies(
  template: Template,
  documents: ReadonlyMap<string, unknown>,
  pseudo: PseudoParameters,
): RestApiBody[] | string {
  const found: RestApiBody[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    if (resource.Type !== 'AWS::ApiGateway::RestApi') continue;
    const { Body, BodyS3Location } = (resource as RestApiResource).Properties;
    if (BodyS3Location?.Key !== undefined && documents.has(BodyS3Location.Key)) {
      found.push({ logicalId, resource: resource as RestApiResource, body: documents.get(BodyS3Location.Key) });
    } else if (Body !== undefined) {
      const unresolved: string[] = [];
      const body = resolvePseudoParameters(Body, pseudo, unresolved);
      if (unresolved.length > 0)
        return `the OpenAPI body of ${logicalId} uses ${[...new Set(unresolved)].join(', ')}, which gen cannot import on the local endpoint`;
      found.push({ logicalId, resource: resource as RestApiResource, body });
    }
  }
  return found;
}

/** Creates the stack with only its RestApis, so there is an API to import the body into. */
async function createWithRestApis(
  clients: Clients,
  stackName: string,
  apis: RestApiBody[],
  tags: Record<string, string>,
): Promise<void> {
  const template = { Resources: Object.fromEntries(apis.map((api) => [api.logicalId, api.resource])) };
  await clients.cfn.send(
    new CreateStackCommand({
      StackName: stackName,
      TemplateBody: JSON.stringify(template),
      Tags: stackTags(tags),
    }),
  );
}

/**
 * moto's import fails on integrations without `uri` and `httpMethod`, which mock integrations
 * (CORS preflight) rightly lack; empty ones change nothing about a mock there.
 */
function withMockTargets(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(withMockTargets);
  if (!body || typeof body !== 'object') return body;
  const entries = Object.entries(body).map(([k, v]) => [k, withMockTargets(v)] as const);
  const copy = Object.fromEntries(entries) as Record<string, unknown>;
  const integration = copy['x-amazon-apigateway-integration'] as Record<string, unknown> | undefined;
  if (integration?.type === 'mock')
    copy['x-amazon-apigateway-integration'] = { uri: '', httpMethod: '', ...integration };
  return copy;
}

/** PutRestApi (overwrite) with each body, as CloudFormation does on AWS. */
async function importBodies(clients: Clients, stackName: string, apis: RestApiBody[]): Promise<void> {
  const { APIGatewayClient, PutRestApiCommand } = await import('@aws-sdk/client-api-gateway');
  const apiGateway = new APIGatewayClient({
    region: clients.region,
    endpoint: clients.endpoint,
    credentials: await clients.cfn.config.credentials(),
  });
  for (const api of apis) {
    const { StackResourceDetail } = await clients.cfn.send(
      new DescribeStackResourceCommand({ StackName: stackName, LogicalResourceId: api.logicalId }),
    );
    await apiGateway.send(
      new PutRestApiCommand({
        restApiId: StackResourceDetail!.PhysicalResourceId!,
        mode: 'overwrite',
        failOnWarnings: false,
        body: Buffer.from(JSON.stringify(withMockTargets(api.body))),
      }),
    );
  }
}

export interface LocalApiContext {
  documents: ReadonlyMap<string, unknown>;
  pseudo: PseudoParameters;
  tags: Record<string, string>;
  execute: boolean;
}

/**
 * For one stack on moto: creates it with its RestApis first when it is new (only when the deploy
 * executes), and returns the import to run before its change set executes.
 */
export async function prepareRestApis(
  clients: Clients,
  stackName: string,
  template: Template,
  context: LocalApiContext,
  say: (line: string) => void,
): Promise<{ beforeExecute?: () => Promise<void> } | { problem: string }> {
  const apis = restApiBodies(template, context.documents, context.pseudo);
  if (typeof apis === 'string') return { problem: apis };
  if (apis.length === 0) return {};
  if (context.execute && !(await describeStack(clients, stackName)).exists) {
    await createWithRestApis(clients, stackName, apis, context.tags);
    say(`${stackName}: created with its REST API first, to import the OpenAPI body (the local endpoint ignores Body)`);
  }
  return { beforeExecute: () => importBodies(clients, stackName, apis) };
}
