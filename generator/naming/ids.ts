/**
 * Logical IDs and physical names: a deployment contract. A changed logical ID makes
 * CloudFormation replace the resource, so every ID derives from spec names alone (never
 * from order or position) and is pinned by golden tests (tests/naming/ids.test.ts).
 */

/** strategy-templates -> StrategyTemplates; GET -> Get; {id} -> Id. */
export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

export const ids = {
  table: (table: string) => `${pascal(table)}Table`,
  scalableTarget: (table: string, index: string | undefined, dimension: 'Read' | 'Write') =>
    `${pascal(table)}${index ? pascal(index) + 'Index' : 'Table'}${dimension}Scaling`,
  scalingPolicy: (table: string, index: string | undefined, dimension: 'Read' | 'Write') =>
    `${pascal(table)}${index ? pascal(index) + 'Index' : 'Table'}${dimension}ScalingPolicy`,
  function: (fn: string) => `${pascal(fn)}Function`,
  role: (fn: string) => `${pascal(fn)}Role`,
  logGroup: (fn: string) => `${pascal(fn)}LogGroup`,
  /** Versions are immutable: a new code hash publishes a new version under a new ID. */
  version: (fn: string, codeHash: string) => `${pascal(fn)}Version${codeHash.slice(0, 10)}`,
  alias: (fn: string) => `${pascal(fn)}Alias`,
  api: () => 'Api',
  /** Deployments are snapshots: a new routes hash makes a new deployment, as SAM does. */
  apiDeployment: (routesHash: string) => `ApiDeployment${routesHash.slice(0, 10)}`,
  apiStage: () => 'ApiStage',
  apiAccessLogs: () => 'ApiAccessLogGroup',
  routePermission: (method: string, path: string) => `${pascal(method.toLowerCase())}${pascal(path) || 'Root'}Permission`,
  alarmKey: () => 'AlarmTopicKey',
  alarmKeyAlias: () => 'AlarmTopicKeyAlias',
  alarmTopic: () => 'AlarmTopic',
  alarmTopicPolicy: () => 'AlarmTopicPolicy',
  alarm: (alarm: string) => `${pascal(alarm)}Alarm`,
};

/** Physical names carry the environment so two environments can share an account. */
export const names = {
  table: (env: string, table: string) => `${env}-${table}`,
  function: (env: string, fn: string) => `${env}-${fn}`,
  functionLogGroup: (env: string, fn: string) => `/aws/lambda/${env}-${fn}`,
  api: (env: string, project: string) => `${env}-${project}-api`,
  apiAccessLogGroup: (env: string, project: string) => `/aws/apigateway/${env}-${project}-api`,
  alarmTopic: (env: string, project: string) => `${env}-${project}-alarms`,
  alarmKeyAlias: (env: string, project: string) => `alias/${env}-${project}-alarms`,
  alarm: (env: string, alarm: string) => `${env}-${alarm}`,
  stack: (project: string, env: string, layer: string) => `${project}-${env}-${layer}`,
  /** Where the deployer uploads code and large documents: the environment's bucket made by `gen bootstrap`. */
  artifactBucket: (env: string) => `gen-artifacts-${env}-\${AWS::AccountId}-\${AWS::Region}`,
  /** Environment variable holding a table's name: orders-archive -> TABLE_ORDERS_ARCHIVE. */
  tableVariable: (table: string) => `TABLE_${table.toUpperCase().replace(/-/g, '_')}`,
};

/** ARNs of things in other stacks, built from deterministic names instead of exports. */
export const arns = {
  table: (tableName: string) => `arn:\${AWS::Partition}:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/${tableName}`,
  function: (functionName: string) => `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${functionName}`,
  topic: (topicName: string) => `arn:\${AWS::Partition}:sns:\${AWS::Region}:\${AWS::AccountId}:${topicName}`,
  logGroup: (logGroupName: string) => `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${logGroupName}`,
};
