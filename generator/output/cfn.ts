/**
 * The cloudform classes gen emits, imported one file each: loading the whole `cloudform`
 * package costs ~0.5 s of startup for 245 services we never use.
 */
import { createRequire } from 'node:module';
type TableModule = typeof import('cloudform-types/types/dynamoDb/table.js');
type ScalableTargetModule = typeof import('cloudform-types/types/applicationAutoScaling/scalableTarget.js');
type ScalingPolicyModule = typeof import('cloudform-types/types/applicationAutoScaling/scalingPolicy.js');
type LambdaFunctionModule = typeof import('cloudform-types/types/lambda/function.js');
type LambdaVersionModule = typeof import('cloudform-types/types/lambda/version.js');
type LambdaAliasModule = typeof import('cloudform-types/types/lambda/alias.js');
type LambdaPermissionModule = typeof import('cloudform-types/types/lambda/permission.js');
type RoleModule = typeof import('cloudform-types/types/iam/role.js');
type LogGroupModule = typeof import('cloudform-types/types/logs/logGroup.js');
type RestApiModule = typeof import('cloudform-types/types/apiGateway/restApi.js');
type DeploymentModule = typeof import('cloudform-types/types/apiGateway/deployment.js');
type StageModule = typeof import('cloudform-types/types/apiGateway/stage.js');
type AlarmModule = typeof import('cloudform-types/types/cloudWatch/alarm.js');
type TopicModule = typeof import('cloudform-types/types/sns/topic.js');
type TopicPolicyModule = typeof import('cloudform-types/types/sns/topicPolicy.js');
type KmsKeyModule = typeof import('cloudform-types/types/kms/key.js');
type KmsAliasModule = typeof import('cloudform-types/types/kms/alias.js');
type ResourceModule = typeof import('cloudform-types/types/resource.js');

// require() because the package is CommonJS: the same code then works under Node and under vitest.
const require = createRequire(import.meta.url);
const load = <T>(path: string): T => require(path) as T;
const table = load<TableModule>('cloudform-types/types/dynamoDb/table.js');
const scalableTarget = load<ScalableTargetModule>('cloudform-types/types/applicationAutoScaling/scalableTarget.js');
const scalingPolicy = load<ScalingPolicyModule>('cloudform-types/types/applicationAutoScaling/scalingPolicy.js');
const lambdaFunction = load<LambdaFunctionModule>('cloudform-types/types/lambda/function.js');
const lambdaVersion = load<LambdaVersionModule>('cloudform-types/types/lambda/version.js');
const lambdaAlias = load<LambdaAliasModule>('cloudform-types/types/lambda/alias.js');
const lambdaPermission = load<LambdaPermissionModule>('cloudform-types/types/lambda/permission.js');
const role = load<RoleModule>('cloudform-types/types/iam/role.js');
const logGroup = load<LogGroupModule>('cloudform-types/types/logs/logGroup.js');
const restApi = load<RestApiModule>('cloudform-types/types/apiGateway/restApi.js');
const deployment = load<DeploymentModule>('cloudform-types/types/apiGateway/deployment.js');
const stage = load<StageModule>('cloudform-types/types/apiGateway/stage.js');
const alarm = load<AlarmModule>('cloudform-types/types/cloudWatch/alarm.js');
const topic = load<TopicModule>('cloudform-types/types/sns/topic.js');
const topicPolicy = load<TopicPolicyModule>('cloudform-types/types/sns/topicPolicy.js');
const kmsKey = load<KmsKeyModule>('cloudform-types/types/kms/key.js');
const kmsAlias = load<KmsAliasModule>('cloudform-types/types/kms/alias.js');
const resource = load<ResourceModule>('cloudform-types/types/resource.js');
const dataTypes = load<typeof import('cloudform-types/types/dataTypes.js')>('cloudform-types/types/dataTypes.js');
const fn = load<typeof import('cloudform-types/types/functions.js')>('cloudform-types/types/functions.js');

export const DynamoDBTable = table.default;
export const ScalableTarget = scalableTarget.default;
export const ScalingPolicy = scalingPolicy.default;
export const LambdaFunction = lambdaFunction.default;
export const LambdaVersion = lambdaVersion.default;
export const LambdaAlias = lambdaAlias.default;
export const LambdaPermission = lambdaPermission.default;
export const IamRole = role.default;
export const LogGroup = logGroup.default;
export const RestApi = restApi.default;
export const ApiDeployment = deployment.default;
export const ApiStage = stage.default;
export const CloudWatchAlarm = alarm.default;
export const SnsTopic = topic.default;
export const SnsTopicPolicy = topicPolicy.default;
export const KmsKey = kmsKey.default;
export const KmsAlias = kmsAlias.default;
export const DeletionPolicy = resource.DeletionPolicy;
export const Fn = fn;

/** `Fn::Sub` with no variables: the way gen names things in other stacks without exports. */
export const sub = (text: string) => new dataTypes.IntrinsicFunction('Fn::Sub', text);
