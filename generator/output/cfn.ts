/**
 * The cloudform classes gen emits, imported one file each: loading the whole `cloudform`
 * package costs ~0.5 s of startup for 245 services we never use. Static imports, so the
 * bundle holds them (and they share its code cache).
 */
import * as table from 'cloudform-types/types/dynamoDb/table.js';
import * as scalableTarget from 'cloudform-types/types/applicationAutoScaling/scalableTarget.js';
import * as scalingPolicy from 'cloudform-types/types/applicationAutoScaling/scalingPolicy.js';
import * as lambdaFunction from 'cloudform-types/types/lambda/function.js';
import * as lambdaVersion from 'cloudform-types/types/lambda/version.js';
import * as lambdaAlias from 'cloudform-types/types/lambda/alias.js';
import * as lambdaPermission from 'cloudform-types/types/lambda/permission.js';
import * as role from 'cloudform-types/types/iam/role.js';
import * as logGroup from 'cloudform-types/types/logs/logGroup.js';
import * as restApi from 'cloudform-types/types/apiGateway/restApi.js';
import * as deployment from 'cloudform-types/types/apiGateway/deployment.js';
import * as stage from 'cloudform-types/types/apiGateway/stage.js';
import * as alarm from 'cloudform-types/types/cloudWatch/alarm.js';
import * as topic from 'cloudform-types/types/sns/topic.js';
import * as topicPolicy from 'cloudform-types/types/sns/topicPolicy.js';
import * as kmsKey from 'cloudform-types/types/kms/key.js';
import * as kmsAlias from 'cloudform-types/types/kms/alias.js';
import * as resource from 'cloudform-types/types/resource.js';
import * as dataTypes from 'cloudform-types/types/dataTypes.js';
import * as fn from 'cloudform-types/types/functions.js';

/**
 * cloudform-types are CommonJS modules that set `exports.default`. Node's ES module loader
 * gives that class at `.default.default` (`.default` is module.exports); vitest and esbuild
 * give it at `.default`. Both are accepted here.
 */
export function classOf<T>(module: { default: { default: T } }): T {
  const outer = module.default as unknown as { default?: T };
  return (typeof outer === 'function' ? outer : outer.default) as T;
}

export const DynamoDBTable = classOf(table);
export const ScalableTarget = classOf(scalableTarget);
export const ScalingPolicy = classOf(scalingPolicy);
export const LambdaFunction = classOf(lambdaFunction);
export const LambdaVersion = classOf(lambdaVersion);
export const LambdaAlias = classOf(lambdaAlias);
export const LambdaPermission = classOf(lambdaPermission);
export const IamRole = classOf(role);
export const LogGroup = classOf(logGroup);
export const RestApi = classOf(restApi);
export const ApiDeployment = classOf(deployment);
export const ApiStage = classOf(stage);
export const CloudWatchAlarm = classOf(alarm);
export const SnsTopic = classOf(topic);
export const SnsTopicPolicy = classOf(topicPolicy);
export const KmsKey = classOf(kmsKey);
export const KmsAlias = classOf(kmsAlias);
export const DeletionPolicy = resource.DeletionPolicy;

/** The deletion and replacement policy of what holds data: kept in protected environments, deleted in the others. */
export function keptWhenProtected(isProtected: boolean) {
  const policy = isProtected ? DeletionPolicy.Retain : DeletionPolicy.Delete;
  return { DeletionPolicy: policy, UpdateReplacePolicy: policy };
}
export const Fn = fn;
/** `Fn::Sub` with no variables: the way gen names things in other stacks without exports. */
export const sub = (text: string) => new dataTypes.IntrinsicFunction('Fn::Sub', text);

/**
 * The statement every key gen makes starts its policy with: the account administers the key
 * through IAM. Without it the key becomes unmanageable; it is also what lets IAM policies (a
 * function's role) grant the key's use.
 */
export const accountAdministersKey = () => ({
  Sid: 'AccountAdministers',
  Effect: 'Allow',
  Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') },
  Action: 'kms:*',
  Resource: '*',
});
