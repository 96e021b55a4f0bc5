/**
 * The cloudform classes gen emits, imported one file each: loading the whole `cloudform`
 * package costs ~0.5 s of startup for 245 services we never use. The files are CommonJS;
 * a default import is their module.exports (Node's rule, which esbuild's bundle keeps).
 */
import table from 'cloudform-types/types/dynamoDb/table.js';
import scalableTarget from 'cloudform-types/types/applicationAutoScaling/scalableTarget.js';
import scalingPolicy from 'cloudform-types/types/applicationAutoScaling/scalingPolicy.js';
import lambdaFunction from 'cloudform-types/types/lambda/function.js';
import lambdaVersion from 'cloudform-types/types/lambda/version.js';
import lambdaAlias from 'cloudform-types/types/lambda/alias.js';
import lambdaPermission from 'cloudform-types/types/lambda/permission.js';
import role from 'cloudform-types/types/iam/role.js';
import logGroup from 'cloudform-types/types/logs/logGroup.js';
import restApi from 'cloudform-types/types/apiGateway/restApi.js';
import deployment from 'cloudform-types/types/apiGateway/deployment.js';
import stage from 'cloudform-types/types/apiGateway/stage.js';
import alarm from 'cloudform-types/types/cloudWatch/alarm.js';
import topic from 'cloudform-types/types/sns/topic.js';
import topicPolicy from 'cloudform-types/types/sns/topicPolicy.js';
import kmsKey from 'cloudform-types/types/kms/key.js';
import kmsAlias from 'cloudform-types/types/kms/alias.js';
import resource from 'cloudform-types/types/resource.js';
import dataTypes from 'cloudform-types/types/dataTypes.js';
import fn from 'cloudform-types/types/functions.js';

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
