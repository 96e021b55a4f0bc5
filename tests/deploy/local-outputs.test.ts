/**
 * Outputs on the local endpoint (moto computes none for stacks made through change sets): a Ref is
 * filled from the physical ids, a link reading an attribute of a resource moto skipped gets a
 * placeholder that says so, even when moto cannot list the stack's resources.
 */
import { describe, expect, it } from 'vitest';
import { localOutputs } from '../../generator/deploy/local-outputs.js';
import type { Clients } from '../../generator/deploy/target.js';

const template = {
  Resources: {
    Cache: { Type: 'AWS::ElastiCache::ReplicationGroup' },
    Queue: { Type: 'AWS::SQS::Queue' },
  },
  Outputs: {
    CacheAddress: { Value: { 'Fn::GetAtt': ['Cache', 'PrimaryEndPoint.Address'] } },
    QueueArn: { Value: { 'Fn::GetAtt': ['Queue', 'Arn'] } },
    QueueUrl: { Value: { Ref: 'Queue' } },
  },
};
const clients = (resources: () => unknown) =>
  ({
    cfn: {
      send: async (command: { constructor: { name: string } }) => {
        if (command.constructor.name === 'GetTemplateCommand') return { TemplateBody: JSON.stringify(template) };
        return resources();
      },
    },
  }) as unknown as Clients;

describe('localOutputs', () => {
  it('fills Refs from physical ids and attributes of skipped resources with a placeholder; created ones stay missing', async () => {
    const listed = clients(() => ({
      StackResources: [{ LogicalResourceId: 'Queue', PhysicalResourceId: 'https://sqs/q' }],
    }));
    expect(await localOutputs(listed, 'data', {})).toEqual({
      CacheAddress: 'not-created-locally:Cache.PrimaryEndPoint.Address',
      QueueUrl: 'https://sqs/q',
    });
  });

  it('keeps the placeholders when moto fails to list the resources (it does for a stack with skipped types)', async () => {
    const failing = clients(() => {
      throw Object.assign(new Error('HTTP 500'), { name: 'EndpointResponseError' });
    });
    expect(await localOutputs(failing, 'data', { QueueArn: 'arn:q' })).toEqual({
      QueueArn: 'arn:q',
      CacheAddress: 'not-created-locally:Cache.PrimaryEndPoint.Address',
    });
  });
});
