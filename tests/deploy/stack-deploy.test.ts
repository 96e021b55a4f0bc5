/**
 * One stack's deploy on paths the local endpoint cannot produce, replayed from CloudFormation
 * responses (issue 12): an empty change set while gen's own diff sees changes (seen on the local
 * endpoint, not reproducible on demand), the stack policy set back after a failed execution, and
 * an unchanged stack skipped without any change set. The failed execution's events are
 * tests/deploy/recorded/failed-update.json; the other responses are written here in the shape of
 * the CloudFormation API reference (DescribeStacks, GetTemplate, DescribeChangeSet), with the
 * status reason CloudFormation gives an empty change set.
 * Also: the guard's key-schema and named-resource rules, and the reporter in a terminal of width 0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dangerousChanges, refusalMessage, refused } from '../../generator/deploy/guard.js';
import { localImpacts } from '../../generator/deploy/replacements.js';
import { consoleReporter } from '../../generator/deploy/reporter.js';
import { deployStack, type StackDeployRequest } from '../../generator/deploy/stack-deploy.js';
import type { Reporter } from '../../generator/deploy/reporter.js';
import type { Clients } from '../../generator/deploy/target.js';

type Responses = Record<string, unknown[]>;
const dates = (key: string, value: unknown) =>
  key === 'Timestamp' || key === 'CreationTime' ? new Date(value as string) : value;
const failedUpdate = JSON.parse(
  readFileSync(join(import.meta.dirname, 'recorded', 'failed-update.json'), 'utf8'),
  dates,
) as Responses;

/** A client answering each command with its next response (the last one repeats), recording what was sent. */
function replay(responses: Responses) {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const queues = Object.fromEntries(Object.entries(responses).map(([k, v]) => [k, [...v]]));
  const send = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const name = command.constructor.name.replace(/Command$/, '');
    calls.push({ name, input: command.input });
    const queue = queues[name];
    if (!queue || queue.length === 0) throw new Error(`no recorded response left for ${name}`);
    const next = queue.length > 1 ? queue.shift() : queue[0];
    if (next instanceof Error) throw next;
    return next;
  };
  return { clients: { region: 'eu-central-1', cfn: { send } } as unknown as Clients, calls };
}

const table = (sortType: string, name = 'prod-orders') => ({
  Type: 'AWS::DynamoDB::Table',
  Properties: {
    TableName: name,
    AttributeDefinitions: [
      { AttributeName: 'customerId', AttributeType: 'S' },
      { AttributeName: 'createdAt', AttributeType: sortType },
      { AttributeName: 'status', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'customerId', KeyType: 'HASH' },
      { AttributeName: 'createdAt', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'status-index',
        KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  },
});
const template = (resources: Record<string, unknown>) => ({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: resources,
});
const stack = (status: string) => ({
  Stacks: [
    {
      StackName: 'shop-production-app',
      StackStatus: status,
      CreationTime: new Date(0),
      Tags: [{ Key: 'Environment', Value: 'production' }],
      Parameters: [],
    },
  ],
});
const lines: string[] = [];
const reporter: Reporter = {
  info: (l) => lines.push(l),
  progress: () => {},
  done: () => {},
  confirm: async () => true,
  ask: async () => undefined,
};
const request = (body: object, extra: Partial<StackDeployRequest> = {}): StackDeployRequest => ({
  stackName: 'shop-production-app',
  body: JSON.stringify(body),
  template: { body: JSON.stringify(body) },
  tags: { Environment: 'production' },
  parameters: {},
  protected: false,
  approve: true,
  execute: true,
  allowReplace: [],
  waitTimeoutMs: 60_000,
  ...extra,
});

describe('deployStack on replayed responses', () => {
  it('an empty change set while the template diff finds changes: fails, says so, executes nothing', async () => {
    const deployed = template({ Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'a' } } });
    const next = template({
      Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'a', DisplayName: 'b' } },
      Queue: { Type: 'AWS::SQS::Queue' },
    });
    const { clients, calls } = replay({
      DescribeStacks: [stack('UPDATE_COMPLETE')],
      GetTemplate: [{ TemplateBody: JSON.stringify(deployed) }],
      ListChangeSets: [{ Summaries: [] }],
      CreateChangeSet: [{ Id: 'arn:cs' }],
      DeleteChangeSet: [{}],
      DescribeChangeSet: [
        {
          Status: 'FAILED',
          StatusReason:
            "The submitted information didn't contain changes. Submit different information to create a change set.",
        },
      ],
    });
    const result = await deployStack(clients, request(next), reporter);
    expect(result.result).toBe('failed');
    expect('reason' in result && result.reason).toContain(
      "the endpoint reports no changes, but gen's template diff finds 2 changed resources (Queue, Topic); nothing was executed.",
    );
    expect(calls.map((c) => c.name)).not.toContain('ExecuteChangeSet');
    expect(calls.map((c) => c.name)).toContain('DeleteChangeSet');
  });

  it('an unchanged stack (template, parameters, tags) is skipped without a change set', async () => {
    const body = template({ Topic: { Type: 'AWS::SNS::Topic' } });
    const { clients, calls } = replay({
      DescribeStacks: [stack('UPDATE_COMPLETE')],
      GetTemplate: [{ TemplateBody: JSON.stringify(body) }],
      ListChangeSets: [{ Summaries: [] }],
    });
    const result = await deployStack(clients, request(body), reporter);
    expect(result.result).toBe('no-changes');
    expect(calls.map((c) => c.name)).toEqual(['DescribeStacks', 'GetTemplate', 'ListChangeSets']);
  });

  it('the stack policy exempting --allow-replace is set back after a failed execution', async () => {
    const deployed = template({
      OldKey: { Type: 'AWS::KMS::Key', Properties: {} },
      Fn: { Type: 'AWS::Lambda::Function', Properties: { Timeout: 1 } },
    });
    const next = template({ Fn: { Type: 'AWS::Lambda::Function', Properties: { Timeout: 2 } } });
    const { clients, calls } = replay({
      ...failedUpdate,
      DescribeStacks: [stack('UPDATE_COMPLETE'), stack('UPDATE_ROLLBACK_COMPLETE')],
      GetTemplate: [{ TemplateBody: JSON.stringify(deployed) }],
      ListChangeSets: [{ Summaries: [] }],
      CreateChangeSet: [{ Id: 'arn:cs' }],
      DescribeChangeSet: [
        {
          Status: 'CREATE_COMPLETE',
          Changes: [
            { ResourceChange: { Action: 'Remove', LogicalResourceId: 'OldKey', ResourceType: 'AWS::KMS::Key' } },
            {
              ResourceChange: {
                Action: 'Modify',
                LogicalResourceId: 'Fn',
                ResourceType: 'AWS::Lambda::Function',
                Replacement: 'False',
              },
            },
          ],
        },
      ],
      UpdateTerminationProtection: [{}],
      SetStackPolicy: [{}],
    });
    const result = await deployStack(clients, request(next, { protected: true, allowReplace: ['OldKey'] }), reporter);
    expect(result.result).toBe('failed');
    const policies = calls
      .filter((c) => c.name === 'SetStackPolicy')
      .map((c) => JSON.parse(c.input.StackPolicyBody as string).Statement[1]);
    expect(policies[0]).toMatchObject({ NotResource: ['LogicalResourceId/OldKey'] });
    expect(policies.at(-1)).toMatchObject({ Effect: 'Deny', Resource: '*' });
    expect(policies.at(-1)).not.toHaveProperty('NotResource');
  });

  it('the stack policy is set back when the execution request itself fails', async () => {
    const deployed = template({ OldKey: { Type: 'AWS::KMS::Key', Properties: {} } });
    const { clients, calls } = replay({
      DescribeStacks: [stack('UPDATE_COMPLETE')],
      GetTemplate: [{ TemplateBody: JSON.stringify(deployed) }],
      ListChangeSets: [{ Summaries: [] }],
      CreateChangeSet: [{ Id: 'arn:cs' }],
      UpdateTerminationProtection: [{}],
      SetStackPolicy: [{}],
      DescribeChangeSet: [
        {
          Status: 'CREATE_COMPLETE',
          Changes: [
            { ResourceChange: { Action: 'Remove', LogicalResourceId: 'OldKey', ResourceType: 'AWS::KMS::Key' } },
          ],
        },
      ],
      ExecuteChangeSet: [Object.assign(new Error('Rate exceeded'), { name: 'Throttling' })],
    });
    await expect(
      deployStack(clients, request(template({}), { protected: true, allowReplace: ['OldKey'] }), reporter),
    ).rejects.toThrow('Rate exceeded');
    const last = calls.filter((c) => c.name === 'SetStackPolicy').at(-1)!;
    expect(JSON.parse(last.input.StackPolicyBody as string).Statement[1]).toMatchObject({ Resource: '*' });
  });
});

describe('the guard: keys and names', () => {
  it('a key type change, in a table or an index, is a replacement with why', async () => {
    const impacts = await localImpacts(template({ T: table('N') }), template({ T: table('S') }));
    expect(impacts.get('T')).toMatchObject({
      impact: 'replace',
      reason:
        'its keys change (table: partition customerId: string, sort createdAt: number → partition customerId: string, sort createdAt: string); DynamoDB cannot change a key in place',
      fixedName: 'prod-orders',
    });
    const indexChanged = table('N');
    indexChanged.Properties.GlobalSecondaryIndexes[0].KeySchema = [{ AttributeName: 'customerId', KeyType: 'HASH' }];
    expect((await localImpacts(template({ T: table('N') }), template({ T: indexChanged }))).get('T')?.reason).toContain(
      'index status-index: partition status: string → partition customerId: string',
    );
    expect(
      (await localImpacts(template({ T: table('N') }), template({ T: table('N') }))).get('T')?.impact ?? 'none',
    ).toBe('none');
  });

  it('a named table cannot be let through by --allow-replace; one whose name changes can', async () => {
    const named = dangerousChanges([], await localImpacts(template({ T: table('N') }), template({ T: table('S') })));
    expect(refused(named, new Set(['T']))).toHaveLength(1);
    expect(refusalMessage(named[0], new Set(['T']))).toContain(
      "CloudFormation cannot replace a table that keeps its name ('prod-orders'): the update would fail, so --allow-replace cannot help here.",
    );
    const renamed = dangerousChanges(
      [],
      await localImpacts(template({ T: table('N') }), template({ T: table('S', 'prod-orders-2') })),
    );
    expect(renamed[0].fixedName).toBeUndefined();
    expect(refused(renamed, new Set(['T']))).toEqual([]);
    expect(refusalMessage(renamed[0], new Set())).toContain('pass --allow-replace T');
  });
});

describe('the reporter', () => {
  it('in a terminal of width 0, progress is plain lines (no spinner, no escape sequences)', async () => {
    const written: string[] = [];
    const stream = {
      isTTY: true,
      columns: 0,
      write: (t: string) => {
        written.push(t);
        return true;
      },
    };
    const r = await consoleReporter(true, stream);
    r.progress('shop-test-data: OrdersTable CREATE_IN_PROGRESS');
    r.progress('shop-test-data: OrdersTable CREATE_COMPLETE');
    r.done();
    expect(written).toEqual([
      '  shop-test-data: OrdersTable CREATE_IN_PROGRESS\n',
      '  shop-test-data: OrdersTable CREATE_COMPLETE\n',
    ]);
  });
});

describe('the guard: the cache and the backup vault hold data', () => {
  const cache = (id: string, subnets = 'shop-subnets') => ({
    Type: 'AWS::ElastiCache::ReplicationGroup',
    Properties: { ReplicationGroupId: id, ReplicationGroupDescription: 'cache', CacheSubnetGroupName: subnets },
  });
  const vault = (name: string) => ({ Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: name } });
  const changeSet = (changes: object[]) => ({
    DescribeStacks: [stack('UPDATE_COMPLETE')],
    GetTemplate: [{ TemplateBody: JSON.stringify(template({ Cache: cache('production-shop'), Vault: vault('v1') })) }],
    ListChangeSets: [{ Summaries: [] }],
    CreateChangeSet: [{ Id: 'arn:cs' }],
    DescribeChangeSet: [{ Status: 'CREATE_COMPLETE', Changes: changes }],
    DeleteChangeSet: [{}],
  });
  const removeCache = {
    ResourceChange: {
      Action: 'Remove',
      LogicalResourceId: 'Cache',
      ResourceType: 'AWS::ElastiCache::ReplicationGroup',
    },
  };
  const replaceVault = {
    ResourceChange: {
      Action: 'Modify',
      LogicalResourceId: 'Vault',
      ResourceType: 'AWS::Backup::BackupVault',
      Replacement: 'True',
    },
  };

  it('removing the replication group or replacing the vault is refused without --allow-replace naming each', async () => {
    const next = template({ Vault: vault('v2') });
    const { clients } = replay(changeSet([removeCache, replaceVault]));
    const result = await deployStack(clients, request(next, { execute: false }), reporter);
    expect(result).toMatchObject({ result: 'refused' });
    const reason = (result as { reason: string }).reason;
    expect(reason).toContain('refusing to remove Cache (AWS::ElastiCache::ReplicationGroup)');
    expect(reason).toContain('refusing to replace Vault (AWS::Backup::BackupVault)');
    const onlyCache = await deployStack(
      replay(changeSet([removeCache, replaceVault])).clients,
      request(next, { execute: false, allowReplace: ['Cache'] }),
      reporter,
    );
    expect((onlyCache as { reason: string }).reason).not.toContain('Cache');
    expect((onlyCache as { reason: string }).reason).toContain('--allow-replace Vault');
  });

  it('with --allow-replace naming both, the change goes through', async () => {
    const { clients } = replay(changeSet([removeCache, replaceVault]));
    const result = await deployStack(
      clients,
      request(template({ Vault: vault('v2') }), { execute: false, allowReplace: ['Cache', 'Vault'] }),
      reporter,
    );
    expect(result.result).toBe('reviewed');
  });

  it('a replication group replaced under the same id is refused even with the flag (ElastiCache would refuse it)', async () => {
    const local = await localImpacts(
      template({ Cache: cache('production-shop') }),
      template({ Cache: cache('production-shop', 'other-subnets') }),
    );
    const dangers = dangerousChanges([], local);
    expect(dangers).toMatchObject([{ logicalId: 'Cache', action: 'replace', fixedName: 'production-shop' }]);
    expect(refused(dangers, new Set(['Cache']))).toHaveLength(1);
    expect(refusalMessage(dangers[0], new Set(['Cache']))).toContain(
      "CloudFormation cannot replace a cache that keeps its name ('production-shop')",
    );
  });
});
