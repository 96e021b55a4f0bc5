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
  /** The ECR repository of a container-image function. */
  repository: (fn: string) => `${pascal(fn)}Repository`,
  api: () => 'Api',
  /** Output of a stack and parameter of a later one carrying a resource's attribute (CacheReplicationGroupPrimaryEndPointAddress). */
  linkedAttribute: (logicalId: string, attribute: string) => `${logicalId}${pascal(attribute)}`,
  /** Deployments are snapshots: a new routes hash makes a new deployment, as SAM does. */
  apiDeployment: (routesHash: string) => `ApiDeployment${routesHash.slice(0, 10)}`,
  apiStage: () => 'ApiStage',
  apiAccessLogs: () => 'ApiAccessLogGroup',
  routePermission: (method: string, path: string) =>
    `${pascal(method.toLowerCase())}${pascal(path) || 'Root'}Permission`,
  alarmKey: () => 'AlarmTopicKey',
  alarmKeyAlias: () => 'AlarmTopicKeyAlias',
  alarmTopic: () => 'AlarmTopic',
  alarmTopicPolicy: () => 'AlarmTopicPolicy',
  alarm: (alarm: string) => `${pascal(alarm)}Alarm`,
  queue: (queue: string) => `${pascal(queue)}Queue`,
  queuePolicy: (queue: string) => `${pascal(queue)}QueuePolicy`,
  /** A queue's consumer: one mapping per function and queue. */
  eventSource: (fn: string, queue: string) => `${pascal(fn)}${pascal(queue)}EventSource`,
  topic: (topic: string) => `${pascal(topic)}Topic`,
  topicPolicy: (topic: string) => `${pascal(topic)}TopicPolicy`,
  topicKey: (topic: string) => `${pascal(topic)}TopicKey`,
  topicKeyAlias: (topic: string) => `${pascal(topic)}TopicKeyAlias`,
  /** Subscriptions are keyed by what they deliver to, never by list position. */
  subscription: (topic: string, protocol: string, endpoint: string) =>
    `${pascal(topic)}${pascal(protocol)}Subscription${shortHash(endpoint)}`,
  subscriptionPermission: (topic: string, fn: string) => `${pascal(topic)}${pascal(fn)}Permission`,
  bucket: (bucket: string) => `${pascal(bucket)}Bucket`,
  bucketPolicy: (bucket: string) => `${pascal(bucket)}BucketPolicy`,
  /** A bucket's objects announced to a function: an EventBridge rule on the default bus, and its invoke permission. */
  bucketNotifyRule: (bucket: string, fn: string) => `${pascal(bucket)}${pascal(fn)}NotifyRule`,
  bucketNotifyPermission: (bucket: string, fn: string) => `${pascal(bucket)}${pascal(fn)}NotifyPermission`,
  eventBus: (bus: string) => `${pascal(bus)}EventBus`,
  eventBusArchive: (bus: string) => `${pascal(bus)}Archive`,
  rule: (bus: string, rule: string) => `${pascal(bus)}${pascal(rule)}Rule`,
  rulePermission: (bus: string, rule: string) => `${pascal(bus)}${pascal(rule)}Permission`,
  ruleRole: (bus: string, rule: string) => `${pascal(bus)}${pascal(rule)}Role`,
  schedule: (schedule: string) => `${pascal(schedule)}Schedule`,
  scheduleRole: (schedule: string) => `${pascal(schedule)}ScheduleRole`,
  scheduleGroup: () => 'ScheduleGroup',
  dashboard: () => 'Dashboard',
  key: (key: string) => `${pascal(key)}Key`,
  keyAlias: (key: string) => `${pascal(key)}KeyAlias`,
  secret: (secret: string) => `${pascal(secret)}Secret`,
  secretPolicy: (secret: string) => `${pascal(secret)}SecretPolicy`,
  secretRotation: (secret: string) => `${pascal(secret)}SecretRotation`,
  secretRotationPermission: (secret: string) => `${pascal(secret)}SecretRotationPermission`,
  stateMachine: (workflow: string) => `${pascal(workflow)}StateMachine`,
  stateMachineRole: (workflow: string) => `${pascal(workflow)}StateMachineRole`,
  stateMachineLogGroup: (workflow: string) => `${pascal(workflow)}StateMachineLogGroup`,
  backupVault: () => 'BackupVault',
  backupVaultKey: () => 'BackupVaultKey',
  backupVaultKeyAlias: () => 'BackupVaultKeyAlias',
  backupPlan: () => 'BackupPlan',
  backupSelection: () => 'BackupSelection',
  backupRole: () => 'BackupRole',
  budget: () => 'Budget',
  timeseriesDatabase: (database: string) => `${pascal(database)}TimeseriesDatabase`,
  timeseriesKey: (database: string) => `${pascal(database)}TimeseriesKey`,
  timeseriesKeyAlias: (database: string) => `${pascal(database)}TimeseriesKeyAlias`,
  timeseriesTable: (database: string, table: string) => `${pascal(database)}${pascal(table)}TimeseriesTable`,
  /** The network: one per environment; zone parts keyed by the zone's letter (A for eu-central-1a), never its position. */
  vpc: () => 'Vpc',
  internetGateway: () => 'InternetGateway',
  internetGatewayAttachment: () => 'InternetGatewayAttachment',
  subnet: (visibility: 'Public' | 'Private', zone: string) => `${visibility}Subnet${zone}`,
  subnetRouteTableAssociation: (visibility: 'Public' | 'Private', zone: string) =>
    `${visibility}Subnet${zone}RouteTableAssociation`,
  publicRouteTable: () => 'PublicRouteTable',
  publicRoute: () => 'PublicRouteTableInternetRoute',
  privateRouteTable: (zone: string) => `PrivateRouteTable${zone}`,
  privateRoute: (zone: string) => `PrivateRouteTable${zone}NatRoute`,
  natGateway: (zone: string) => `NatGateway${zone}`,
  natAddress: (zone: string) => `NatGateway${zone}Address`,
  /** ecr.api -> EcrApiEndpoint. */
  endpoint: (service: string) => `${pascal(service)}Endpoint`,
  functionSecurityGroup: () => 'FunctionSecurityGroup',
  endpointSecurityGroup: () => 'EndpointSecurityGroup',
  cacheSecurityGroup: () => 'CacheSecurityGroup',
  /** The functions' security group's rule sending Redis traffic to the cache (lives with the cache). */
  cacheEgress: () => 'FunctionSecurityGroupCacheEgress',
  cacheSubnetGroup: () => 'CacheSubnetGroup',
  cacheReplicationGroup: () => 'CacheReplicationGroup',
  cacheAuthSecret: () => 'CacheAuthSecret',
  cacheAuthSecretPolicy: () => 'CacheAuthSecretPolicy',
  /** The firewall: one web ACL per thing protected (Site: CLOUDFRONT scope, Api: REGIONAL), its logging and log bucket. */
  webAcl: (scope: FirewallScope) => `${scope}WebAcl`,
  webAclAssociation: (scope: FirewallScope) => `${scope}WebAclAssociation`,
  webAclLogging: (scope: FirewallScope) => `${scope}WebAclLogging`,
  firewallLogsBucket: (scope: FirewallScope) => `${scope}FirewallLogsBucket`,
  firewallLogsBucketPolicy: (scope: FirewallScope) => `${scope}FirewallLogsBucketPolicy`,
  /** The edge: one hosted zone, one site, one API domain per environment. */
  hostedZone: () => 'HostedZone',
  siteCertificate: () => 'SiteCertificate',
  siteOriginAccessControl: () => 'SiteOriginAccessControl',
  /** A site cache policy of gen's own, by the time it keeps objects (the same duration shares one policy). */
  siteCachePolicy: (seconds: number) => `SiteCachePolicy${seconds}`,
  siteDistribution: () => 'SiteDistribution',
  siteRecord: (type: 'A' | 'AAAA') => `Site${pascal(type.toLowerCase())}Record`,
  siteLogsSource: () => 'SiteLogsDeliverySource',
  siteLogsDestination: () => 'SiteLogsDeliveryDestination',
  siteLogsDelivery: () => 'SiteLogsDelivery',
  apiCertificate: () => 'ApiCertificate',
  apiDomainName: () => 'ApiDomainName',
  apiBasePathMapping: () => 'ApiBasePathMapping',
  apiRecord: () => 'ApiARecord',
};

/** What a web ACL protects: the site's CloudFront distribution or the API stage. */
export type FirewallScope = 'Site' | 'Api';

/** Eight hex digits of sha256: a stable key for things named by long values (a subscription's e-mail address). */
function shortHash(text: string): string {
  // FNV-1a, not crypto: this file stays free of Node imports and the ID only needs to be stable.
  let h = 0x811c9dc5;
  for (const c of Buffer.from(text)) h = Math.imul(h ^ c, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** Physical names carry the environment so two environments can share an account. */
export const names = {
  table: (env: string, table: string) => `${env}-${table}`,
  function: (env: string, fn: string) => `${env}-${fn}`,
  functionLogGroup: (env: string, fn: string) => `/aws/lambda/${env}-${fn}`,
  /** A container-image function's ECR repository: named as the function (lowercase kebab fits ECR's rules). */
  repository: (env: string, fn: string) => `${env}-${fn}`,
  api: (env: string, project: string) => `${env}-${project}-api`,
  apiAccessLogGroup: (env: string, project: string) => `/aws/apigateway/${env}-${project}-api`,
  alarmTopic: (env: string, project: string) => `${env}-${project}-alarms`,
  alarmKeyAlias: (env: string, project: string) => `alias/${env}-${project}-alarms`,
  alarm: (env: string, alarm: string) => `${env}-${alarm}`,
  stack: (project: string, env: string, layer: string) => `${project}-${env}-${layer}`,
  /** Where the deployer uploads code and large documents: the environment's bucket made by `gen bootstrap`. */
  artifactBucket: (env: string) => `gen-artifacts-${env}-\${AWS::AccountId}-\${AWS::Region}`,
  /** Environment variable holding a table's name: orders-archive -> TABLE_ORDERS_ARCHIVE. */
  tableVariable: (table: string) => variable('TABLE', table),
  /** The variable a function reference sets by default: QUEUE_INGEST_EVENTS, TOPIC_ALERTS, BUCKET_UPLOADS, BUS_MARKET_DATA. */
  variable: (prefix: string, name: string) => variable(prefix, name),
  queue: (env: string, queue: string, fifo = false) => `${env}-${queue}${fifo ? '.fifo' : ''}`,
  topic: (env: string, topic: string, fifo = false) => `${env}-${topic}${fifo ? '.fifo' : ''}`,
  topicKeyAlias: (env: string, project: string, topic: string) => `alias/${env}-${project}-${topic}`,
  /** Bucket names are global: the account id keeps them unique (an Fn::Sub text). */
  bucket: (env: string, project: string, bucket: string) => `${env}-${project}-${bucket}-\${AWS::AccountId}`,
  /** `default` is the account's own bus, not created by gen. */
  eventBus: (env: string, bus: string) => (bus === 'default' ? 'default' : `${env}-${bus}`),
  rule: (env: string, rule: string) => `${env}-${rule}`,
  /** The default-bus rule that hands a bucket's object events to one function. */
  bucketNotifyRule: (env: string, bucket: string, fn: string) => `${env}-${bucket}-${fn}`,
  eventBusArchive: (env: string, bus: string) => `${env}-${bus}`,
  schedule: (env: string, schedule: string) => `${env}-${schedule}`,
  scheduleGroup: (env: string, project: string) => `${env}-${project}`,
  dashboard: (env: string, project: string) => `${env}-${project}`,
  keyAlias: (env: string, project: string, key: string) => `alias/${env}-${project}-${key}`,
  /** Secret names are paths: the environment first (rule GEN-P7), then the project. */
  secret: (env: string, project: string, secret: string) => `${env}/${project}/${secret}`,
  /**
   * The IAM path of a function's role when a resource policy in another stack must recognise the
   * role (a secret's): roles get random names from CloudFormation, but a path is chosen and fixed.
   */
  rolePath: (env: string, project: string, fn: string) => `/${project}/${env}/${fn}/`,
  stateMachine: (env: string, workflow: string) => `${env}-${workflow}`,
  /** Step Functions' vended logs go to groups under /aws/vendedlogs/ (their resource policy stays small). */
  stateMachineLogGroup: (env: string, workflow: string) => `/aws/vendedlogs/states/${env}-${workflow}`,
  backupVault: (env: string, project: string) => `${env}-${project}`,
  backupVaultKeyAlias: (env: string, project: string) => `alias/${env}-${project}-backup`,
  backupPlan: (env: string, project: string) => `${env}-${project}`,
  backupSelection: (env: string, project: string) => `${env}-${project}-tables`,
  budget: (env: string, project: string) => `${env}-${project}`,
  timeseriesDatabase: (env: string, database: string) => `${env}-${database}`,
  timeseriesKeyAlias: (env: string, project: string, database: string) =>
    `alias/${env}-${project}-${database}-timeseries`,
  /** Name tags of network parts (they have no names of their own): <env>-<project>-vpc, <env>-<project>-private-a. */
  networkPart: (env: string, project: string, part: string) => `${env}-${project}-${part}`,
  /** The replication group and its subnet group: <env>-<project> (40 characters at most, checked by the cache section). */
  cache: (env: string, project: string) => `${env}-${project}`,
  /** Where the cache's host:port is published for functions (an SSM parameter read by a dynamic reference). */
  /** A web ACL and the prefix of its rules' metric names: <env>-<project>-site, <env>-<project>-api. */
  webAcl: (env: string, project: string, scope: FirewallScope) => `${env}-${project}-${scope.toLowerCase()}`,
  /** WAF logs only to buckets named aws-waf-logs-*; the account id keeps the name unique (an Fn::Sub text). */
  firewallLogsBucket: (env: string, project: string, scope: FirewallScope) =>
    `aws-waf-logs-${env}-${project}-${scope.toLowerCase()}-\${AWS::AccountId}`,
  /** The site's origin access control, cache policies and log delivery objects: <env>-<project>-site... */
  site: (env: string, project: string, part = 'site') => `${env}-${project}-${part}`,
};

function variable(prefix: string, name: string): string {
  return `${prefix}_${name.toUpperCase().replace(/-/g, '_')}`;
}

/** ARNs of things in other stacks, built from deterministic names instead of exports. */
export const arns = {
  table: (tableName: string) => `arn:\${AWS::Partition}:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/${tableName}`,
  function: (functionName: string) =>
    `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${functionName}`,
  topic: (topicName: string) => `arn:\${AWS::Partition}:sns:\${AWS::Region}:\${AWS::AccountId}:${topicName}`,
  logGroup: (logGroupName: string) =>
    `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${logGroupName}`,
  queue: (queueName: string) => `arn:\${AWS::Partition}:sqs:\${AWS::Region}:\${AWS::AccountId}:${queueName}`,
  queueUrl: (queueName: string) => `https://sqs.\${AWS::Region}.\${AWS::URLSuffix}/\${AWS::AccountId}/${queueName}`,
  bucket: (bucketName: string) => `arn:\${AWS::Partition}:s3:::${bucketName}`,
  eventBus: (busName: string) =>
    `arn:\${AWS::Partition}:events:\${AWS::Region}:\${AWS::AccountId}:event-bus/${busName}`,
  /** Rules on the default bus have no bus in their ARN. */
  rule: (busName: string, ruleName: string) =>
    `arn:\${AWS::Partition}:events:\${AWS::Region}:\${AWS::AccountId}:rule/${busName === 'default' ? '' : `${busName}/`}${ruleName}`,
  scheduleGroup: (group: string) =>
    `arn:\${AWS::Partition}:scheduler:\${AWS::Region}:\${AWS::AccountId}:schedule-group/${group}`,
  /** Secrets Manager appends six random characters to a secret's name in its ARN. */
  secret: (secretName: string) =>
    `arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:${secretName}-??????`,
  /** Every role under an IAM path (names.rolePath): the role's name is CloudFormation's. */
  rolesUnder: (path: string) => `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role${path}*`,
  /** Every key of the account and region: statements narrow it by alias (kms:ResourceAliases), keys having random ids. */
  keys: () => 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*',
  stateMachine: (stateMachineName: string) =>
    `arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:stateMachine:${stateMachineName}`,
  schedule: (group: string, schedule: string) =>
    `arn:\${AWS::Partition}:scheduler:\${AWS::Region}:\${AWS::AccountId}:schedule/${group}/${schedule}`,
};
