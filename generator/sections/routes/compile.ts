/** routes -> RestApi (OpenAPI body), deployment, stage with logs/throttling/tracing, invoke permissions. */
import { createHash } from 'node:crypto';
import { ApiDeployment, ApiStage, Fn, LogGroup, RestApi, sub, keptWhenProtected } from '../../output/cfn.js';
import { fragment, inGroup, type Fragment, type PlacedOutput, type PlacedResource } from '../../output/fragment.js';
import { ids, names } from '../../naming/ids.js';
import { stableStringify } from '../../output/stable-json.js';
import type { CompileContext } from '../section.js';
import { openApiDocument } from './openapi.js';
import { invokePermission } from '../functions/invoke.js';
import { projectOf } from '../project/model.js';
import { routesOf } from './model.js';

/** One JSON line per request, with what a person needs to debug it. */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  method: '$context.httpMethod',
  path: '$context.resourcePath',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
  time: '$context.requestTime',
});

/** Output of the API's stack, and parameter of other API stacks, holding the RestApi id. */
export const API_ID_OUTPUT = 'ApiId';

/** OpenAPI bodies above this many bytes are not inlined: half of the template limit stays for the rest of the stack. */
export const BODY_INLINE_LIMIT = 512 * 1024;

export function compileRoutes({ spec, env }: CompileContext): Fragment {
  const routes = routesOf(spec).items;
  const projectEntry = projectOf(spec);
  if (routes.length === 0 || !projectEntry) return fragment([]);
  const project = projectEntry.value.name;
  const apiName = names.api(env.name, project);
  const body = openApiDocument(spec, env, apiName);
  const bodyText = stableStringify(body);
  const routesHash = createHash('sha256').update(bodyText).digest('hex');
  // A body too large to sit in the template goes to the artifact bucket (uploaded by gen deploy).
  const external =
    Buffer.byteLength(bodyText) > BODY_INLINE_LIMIT
      ? { file: 'api.openapi.json', key: `apis/${env.name}-${project}/${routesHash}.json`, content: bodyText }
      : undefined;
  const definition = external
    ? { BodyS3Location: { Bucket: sub(names.artifactBucket(env.name)), Key: external.key } }
    : { Body: body };
  const deploymentId = ids.apiDeployment(routesHash);

  const permissions: PlacedResource[] = routes.map(({ value: route }) => ({
    layer: 'api',
    logicalId: ids.routePermission(route.method, route.path),
    // Only this API, this method and this path (parameters as wildcards) may invoke.
    resource: invokePermission(
      spec,
      env,
      route.function,
      'apigateway.amazonaws.com',
      sub(
        `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${ids.api()}}/*/${route.method}${route.path.replace(/\{[^}]+\}/g, '*')}`,
      ),
    ),
  }));

  // The API, its deployment, stage and access logs share a stack; each permission may live in
  // another stack of the layer, which then receives the API id as a parameter.
  const core: PlacedResource[] = [
    {
      layer: 'api',
      logicalId: ids.api(),
      sharedAs: API_ID_OUTPUT,
      resource: new RestApi({
        Name: apiName,
        ...definition,
        EndpointConfiguration: { Types: ['REGIONAL'] },
        FailOnWarnings: true,
      }),
    },
    {
      layer: 'api',
      logicalId: deploymentId,
      resource: new ApiDeployment({ RestApiId: Fn.Ref(ids.api()), Description: `routes ${routesHash.slice(0, 12)}` }),
    },
    {
      layer: 'api',
      logicalId: ids.apiAccessLogs(),
      resource: Object.assign(
        new LogGroup({
          LogGroupName: names.apiAccessLogGroup(env.name, project),
          RetentionInDays: env.logRetentionDays,
        }),
        keptWhenProtected(env.protected),
      ),
    },
    {
      layer: 'api',
      logicalId: ids.apiStage(),
      resource: new ApiStage({
        RestApiId: Fn.Ref(ids.api()),
        StageName: env.name,
        DeploymentId: Fn.Ref(deploymentId),
        TracingEnabled: true,
        AccessLogSetting: { DestinationArn: Fn.GetAtt(ids.apiAccessLogs(), 'Arn'), Format: ACCESS_LOG_FORMAT },
        MethodSettings: [
          {
            ResourcePath: '/*',
            HttpMethod: '*',
            MetricsEnabled: true,
            ThrottlingRateLimit: env.api.throttle.rate,
            ThrottlingBurstLimit: env.api.throttle.burst,
          },
        ],
      }),
    },
  ];
  const outputs: PlacedOutput[] = [
    {
      layer: 'api',
      group: ids.api(),
      name: 'ApiUrl',
      description: 'Base URL of the HTTP API',
      value: sub(`https://\${${ids.api()}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${env.name}`),
    },
  ];
  return { ...fragment([...inGroup(ids.api(), core), ...permissions], outputs), documents: external ? [external] : [] };
}
