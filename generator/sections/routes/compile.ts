/** routes -> RestApi (OpenAPI body), deployment, stage with logs/throttling/tracing, invoke permissions. */
import { createHash } from 'node:crypto';
import { ApiDeployment, ApiStage, DeletionPolicy, Fn, LambdaPermission, LogGroup, RestApi, sub } from '../../output/cfn.js';
import { fragment, type Fragment, type PlacedResource } from '../../output/fragment.js';
import { ids, names } from '../../naming/ids.js';
import { stableStringify } from '../../output/stable-json.js';
import type { CompileContext } from '../section.js';
import { openApiDocument } from './openapi.js';
import { invokeName } from './targets.js';

/** One JSON line per request, with what a person needs to debug it. */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId', ip: '$context.identity.sourceIp', method: '$context.httpMethod',
  path: '$context.resourcePath', status: '$context.status', latencyMs: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage', time: '$context.requestTime',
});

export function compileRoutes({ spec, env }: CompileContext): Fragment {
  if (spec.routes.items.length === 0 || !spec.project) return fragment([]);
  const project = spec.project.value.name;
  const apiName = names.api(env.name, project);
  const body = openApiDocument(spec, env, apiName);
  const routesHash = createHash('sha256').update(stableStringify(body)).digest('hex');
  const deploymentId = ids.apiDeployment(routesHash);
  const retain = env.protected ? DeletionPolicy.Retain : DeletionPolicy.Delete;

  const permissions: PlacedResource[] = spec.routes.items.map(({ value: route }) => ({
    layer: 'api',
    logicalId: ids.routePermission(route.method, route.path),
    resource: new LambdaPermission({
      Action: 'lambda:InvokeFunction',
      FunctionName: invokeName(spec, env, route.function),
      Principal: 'apigateway.amazonaws.com',
      // Only this API, this method and this path (parameters as wildcards) may invoke.
      SourceArn: sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${ids.api()}}/*/${route.method}${route.path.replace(/\{[^}]+\}/g, '*')}`),
    }),
  }));

  return fragment([
    { layer: 'api', logicalId: ids.api(), resource: new RestApi({ Name: apiName, Body: body, EndpointConfiguration: { Types: ['REGIONAL'] }, FailOnWarnings: true }) },
    { layer: 'api', logicalId: deploymentId, resource: new ApiDeployment({ RestApiId: Fn.Ref(ids.api()), Description: `routes ${routesHash.slice(0, 12)}` }) },
    { layer: 'api', logicalId: ids.apiAccessLogs(), resource: Object.assign(
      new LogGroup({ LogGroupName: names.apiAccessLogGroup(env.name, project), RetentionInDays: env.logRetentionDays }),
      { DeletionPolicy: retain, UpdateReplacePolicy: retain }) },
    { layer: 'api', logicalId: ids.apiStage(), resource: new ApiStage({
      RestApiId: Fn.Ref(ids.api()),
      StageName: env.name,
      DeploymentId: Fn.Ref(deploymentId),
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Fn.GetAtt(ids.apiAccessLogs(), 'Arn'), Format: ACCESS_LOG_FORMAT },
      MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', MetricsEnabled: true, ThrottlingRateLimit: env.api.throttle.rate, ThrottlingBurstLimit: env.api.throttle.burst }],
    }) },
    ...permissions,
  ], [{
    layer: 'api', name: 'ApiUrl', description: 'Base URL of the HTTP API',
    value: sub(`https://\${${ids.api()}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${env.name}`),
  }]);
}
