/**
 * The AWS services a network may have endpoints for, by the short name AWS gives the endpoint
 * service (com.amazonaws.<region>.<name>). S3 and DynamoDB get gateway endpoints (free, a route in
 * the private route tables); the others interface endpoints (network interfaces in the private
 * subnets with private DNS, so the SDKs' usual host names resolve to them). The list is closed so a
 * misspelt name is caught with a suggestion; a service missing here is a one-line addition.
 */
import { sub } from '../../output/cfn.js';

export const GATEWAY_SERVICES = ['dynamodb', 's3'];

export const INTERFACE_SERVICES = [
  'athena',
  'bedrock-runtime',
  'ecr.api',
  'ecr.dkr',
  'elasticache',
  'events',
  'execute-api',
  'glue',
  'kinesis-firehose',
  'kinesis-streams',
  'kms',
  'lambda',
  'logs',
  'monitoring',
  'rds',
  'scheduler',
  'secretsmanager',
  'sns',
  'sqs',
  'ssm',
  'states',
  'sts',
  'xray',
];

export const ENDPOINT_SERVICES = [...GATEWAY_SERVICES, ...INTERFACE_SERVICES].sort();

export const endpointType = (service: string): 'Gateway' | 'Interface' =>
  GATEWAY_SERVICES.includes(service) ? 'Gateway' : 'Interface';

export const endpointServiceName = (service: string) => sub(`com.amazonaws.\${AWS::Region}.${service}`);
