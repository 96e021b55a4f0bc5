/**
 * What API Gateway needs once per account and region before any stage can write access or
 * execution logs: a role it assumes to push to CloudWatch Logs, set as the account's
 * CloudWatch role (AWS::ApiGateway::Account). AWS advises one such resource per account and
 * region ("to avoid overwriting other roles"), so it has a stack of its own that every
 * environment's `gen bootstrap` shares, instead of living in each environment's stack.
 */
import { stableStringify } from '../output/stable-json.js';

export const accountStackName = () => 'gen-bootstrap-account';

export function accountTemplate(): string {
  return (
    stableStringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Description:
          "gen account settings of this region: the role API Gateway uses to write stage logs to CloudWatch Logs (shared by every environment's gen bootstrap)",
        Resources: {
          ApiGatewayCloudWatchRole: {
            Type: 'AWS::IAM::Role',
            // The account setting outlives the stack (API Gateway keeps the ARN): the role stays with it.
            DeletionPolicy: 'Retain',
            UpdateReplacePolicy: 'Retain',
            Properties: {
              Description: 'API Gateway writes stage access and execution logs to CloudWatch Logs',
              AssumeRolePolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Principal: { Service: 'apigateway.amazonaws.com' },
                    Action: 'sts:AssumeRole',
                    Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
                  },
                ],
              },
              ManagedPolicyArns: [
                {
                  'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs',
                },
              ],
              Tags: [{ Key: 'ManagedBy', Value: 'gen' }],
            },
          },
          ApiGatewayAccount: {
            Type: 'AWS::ApiGateway::Account',
            Properties: { CloudWatchRoleArn: { 'Fn::GetAtt': ['ApiGatewayCloudWatchRole', 'Arn'] } },
          },
        },
        Outputs: { ApiGatewayCloudWatchRoleArn: { Value: { 'Fn::GetAtt': ['ApiGatewayCloudWatchRole', 'Arn'] } } },
      },
      2,
    ) + '\n'
  );
}
