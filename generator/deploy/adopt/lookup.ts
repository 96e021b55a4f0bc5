/**
 * Finding a named resource by its physical name, outside CloudFormation: the types gen keeps when
 * a protected environment's stacks are destroyed (DeletionPolicy Retain) and can find again by
 * name. Each answers the identifier CloudFormation imports it by (its primary identifier), or
 * undefined when no such resource exists in this account and region.
 */
import type { Clients } from '../target.js';

/** The name property and the import identifier of each type gen can adopt again. */
export const ADOPTABLE: Record<string, { nameProperty: string; identifier: string; kind: string }> = {
  'AWS::DynamoDB::Table': { nameProperty: 'TableName', identifier: 'TableName', kind: 'table' },
  'AWS::Logs::LogGroup': { nameProperty: 'LogGroupName', identifier: 'LogGroupName', kind: 'log group' },
  'AWS::S3::Bucket': { nameProperty: 'BucketName', identifier: 'BucketName', kind: 'bucket' },
  'AWS::SQS::Queue': { nameProperty: 'QueueName', identifier: 'QueueUrl', kind: 'queue' },
  'AWS::Events::EventBus': { nameProperty: 'Name', identifier: 'Name', kind: 'event bus' },
  'AWS::ECR::Repository': { nameProperty: 'RepositoryName', identifier: 'RepositoryName', kind: 'image repository' },
};

/** The identifier of the resource of `type` named `name`, when it exists. */
export type Lookup = (type: string, name: string) => Promise<string | undefined>;

const missing = (e: unknown) =>
  /NotFound|NonExistent|does not exist|NoSuchBucket|^NotFound$/i.test(`${(e as Error).name} ${(e as Error).message}`);

/** Lookups through each service's own API (the SDK clients load only when a deploy asks). */
export function serviceLookup(clients: Clients): Lookup {
  const config = clients.config ?? { region: clients.region };
  return async (type, name) => {
    try {
      switch (type) {
        case 'AWS::DynamoDB::Table': {
          const { DynamoDBClient, DescribeTableCommand } = await import('@aws-sdk/client-dynamodb');
          await new DynamoDBClient(config).send(new DescribeTableCommand({ TableName: name }));
          return name;
        }
        case 'AWS::Logs::LogGroup': {
          const { CloudWatchLogsClient, DescribeLogGroupsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
          const { logGroups = [] } = await new CloudWatchLogsClient(config).send(
            new DescribeLogGroupsCommand({ logGroupNamePrefix: name }),
          );
          return logGroups.some((g) => g.logGroupName === name) ? name : undefined;
        }
        case 'AWS::S3::Bucket': {
          const { HeadBucketCommand } = await import('@aws-sdk/client-s3');
          await clients.s3.send(new HeadBucketCommand({ Bucket: name }));
          return name;
        }
        case 'AWS::SQS::Queue': {
          const { SQSClient, GetQueueUrlCommand } = await import('@aws-sdk/client-sqs');
          return (await new SQSClient(config).send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
        }
        case 'AWS::ECR::Repository': {
          const { ECRClient, DescribeRepositoriesCommand } = await import('@aws-sdk/client-ecr');
          const { repositories = [] } = await new ECRClient(config).send(
            new DescribeRepositoriesCommand({ repositoryNames: [name] }),
          );
          return repositories[0]?.repositoryName;
        }
        case 'AWS::Events::EventBus': {
          const { EventBridgeClient, DescribeEventBusCommand } = await import('@aws-sdk/client-eventbridge');
          return (await new EventBridgeClient(config).send(new DescribeEventBusCommand({ Name: name }))).Name;
        }
      }
    } catch (e) {
      // A bucket name another account holds answers 403: not ours to import.
      if (missing(e) || (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 403)
        return undefined;
      throw e;
    }
    return undefined;
  };
}
