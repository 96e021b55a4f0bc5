/**
 * The reference spec is the platform of ../shared/reference/platform.json (copy: platform.json): exactly its tables,
 * functions, routes and alarms, compiled with the platform's settings in both environments.
 */
import { describe, expect, it } from 'vitest';
import { compileReference, resourcesOf } from './compiled.js';
import { platform } from './platform.js';

const TYPE = { S: 'S', N: 'N', B: 'B' } as Record<string, string>;
const keySchema = (pk: [string, string], sk?: [string, string]) => [
  { AttributeName: pk[0], KeyType: 'HASH' },
  ...(sk ? [{ AttributeName: sk[0], KeyType: 'RANGE' }] : []),
];

describe.each([
  ['test', 30],
  ['production', 90],
] as const)('reference platform in %s', (env, retention) => {
  const templates = compileReference(env);
  const tables = new Map(
    resourcesOf(templates, 'AWS::DynamoDB::Table').map(([, r]) => [r.Properties.TableName, r.Properties]),
  );
  const functions = new Map(
    resourcesOf(templates, 'AWS::Lambda::Function').map(([, r]) => [r.Properties.FunctionName, r.Properties]),
  );

  it('has the 32 tables with their keys, indexes and TTL, PITR, encryption and prefixed names', () => {
    expect(tables.size).toBe(32);
    expect(platform.tables).toHaveLength(32);
    for (const t of platform.tables) {
      const p = tables.get(`${env}-${t.name}`)!; // checked just below, before any use
      expect(p, t.name).toBeDefined();
      expect(p.KeySchema).toEqual(keySchema(t.partitionKey, t.sortKey));
      expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(p.SSESpecification).toEqual({ SSEEnabled: true });
      expect(p.TimeToLiveSpecification?.AttributeName).toBe(t.ttl);
      const indexes = (t.indexes ?? []).map((i: any) => ({
        IndexName: i.name,
        KeySchema: keySchema(i.partitionKey, i.sortKey),
      }));
      expect(
        (p.GlobalSecondaryIndexes ?? []).map((i: any) => ({ IndexName: i.IndexName, KeySchema: i.KeySchema })),
      ).toEqual(indexes.sort((a: any, b: any) => a.IndexName.localeCompare(b.IndexName)));
      for (const [name, type] of [t.partitionKey, t.sortKey].filter(Boolean)) {
        expect(p.AttributeDefinitions).toContainEqual({ AttributeName: name, AttributeType: TYPE[type] });
      }
    }
  });

  it('has the 34 functions with memory, timeout, reserved concurrency, tracing, role, table variables and log group', () => {
    expect(functions.size).toBe(34);
    const logGroups = new Map(
      resourcesOf(templates, 'AWS::Logs::LogGroup').map(([, r]) => [r.Properties.LogGroupName, r.Properties]),
    );
    for (const f of platform.functions) {
      const p = functions.get(`${env}-${f.name}`)!; // checked just below, before any use
      expect(p, f.name).toBeDefined();
      expect([p.MemorySize, p.Timeout, p.ReservedConcurrentExecutions]).toEqual([
        f.memory,
        f.timeout,
        f.reservedConcurrency,
      ]);
      expect(p.TracingConfig).toEqual({ Mode: 'Active' });
      expect(p.Role['Fn::GetAtt'][1]).toBe('Arn');
      for (const table of f.tables)
        expect(p.Environment.Variables[`TABLE_${table.toUpperCase().replace(/-/g, '_')}`]).toBe(`${env}-${table}`);
      expect(logGroups.get(`/aws/lambda/${env}-${f.name}`)?.RetentionInDays).toBe(retention);
    }
  });

  it('validates and integrates all 170 routes', () => {
    const api = resourcesOf(templates, 'AWS::ApiGateway::RestApi')[0][1].Properties.Body;
    expect(api['x-amazon-apigateway-request-validator']).toBe('all');
    expect(api['x-amazon-apigateway-request-validators'].all).toEqual({
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    expect(platform.routes).toHaveLength(170);
    for (const r of platform.routes) {
      const op = api.paths[r.path]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      expect(op['x-amazon-apigateway-integration'].type).toBe('aws_proxy');
      expect(op['x-amazon-apigateway-integration'].uri['Fn::Sub']).toMatch(
        new RegExp(`:function:${env}-${r.function}(:live)?/invocations$`),
      );
      if (r.body) expect(op.requestBody.required).toBe(true);
      for (const param of r.path.match(/\{(\w+)\}/g) ?? []) {
        expect(op.parameters).toContainEqual({
          name: param.slice(1, -1),
          in: 'path',
          required: true,
          schema: { type: 'string' },
        });
      }
    }
    expect(resourcesOf(templates, 'AWS::Lambda::Permission')).toHaveLength(170);
  });

  it('has the 67 alarms of the inventory and the plan Redis memory alarm, each notifying the SNS topic', () => {
    const alarms = resourcesOf(templates, 'AWS::CloudWatch::Alarm');
    // platform.json lists the alarms of the design's Terraform; plan task 23.3 adds one on Redis memory.
    expect(alarms.map(([, r]) => r.Properties.AlarmName).sort()).toEqual(
      [...platform.alarms.map((a: any) => `${env}-${a.name}`), `${env}-redis-memory`].sort(),
    );
    const [, alarmTopic] = resourcesOf(templates, 'AWS::SNS::Topic').find(([id]) => id === 'AlarmTopic')!;
    const topic = alarmTopic.Properties.TopicName;
    for (const [, alarm] of alarms)
      expect(alarm.Properties.AlarmActions).toEqual([
        { 'Fn::Sub': `arn:${'${AWS::Partition}'}:sns:${'${AWS::Region}'}:${'${AWS::AccountId}'}:${topic}` },
      ]);
    expect(alarmTopic.Properties.KmsMasterKeyId).toEqual({ Ref: 'AlarmTopicKey' });
  });

  it('tags everything taggable with Environment, Project, Owner and CostCenter', () => {
    const taggable = [
      'AWS::DynamoDB::Table',
      'AWS::Lambda::Function',
      'AWS::IAM::Role',
      'AWS::Logs::LogGroup',
      'AWS::ApiGateway::RestApi',
      'AWS::ApiGateway::Stage',
      'AWS::CloudWatch::Alarm',
      'AWS::SNS::Topic',
      'AWS::KMS::Key',
    ];
    for (const [id, r] of resourcesOf(templates).filter(([, r]) => taggable.includes(r.Type))) {
      expect(r.Properties.Tags, id).toEqual([
        { Key: 'CostCenter', Value: 'trading-001' },
        { Key: 'Environment', Value: env },
        { Key: 'Owner', Value: 'platform-team' },
        { Key: 'Project', Value: 'crypto-trading' },
      ]);
    }
  });

  it('never grants DynamoDB actions on a * resource', () => {
    for (const [id, role] of resourcesOf(templates, 'AWS::IAM::Role')) {
      for (const statement of (role.Properties.Policies ?? []).flatMap((p: any) => p.PolicyDocument.Statement)) {
        const actions = [statement.Action].flat();
        if (actions.some((a: string) => a.startsWith('dynamodb:'))) {
          expect([statement.Resource].flat(), id).not.toContain('*');
          for (const resource of [statement.Resource].flat())
            expect(resource['Fn::Sub'], id).toMatch(/:table\/[a-z0-9-]+(\/index\/[\w.-]+)?$/);
        }
      }
    }
  });
});

describe('environment differences', () => {
  const data = (env: string) => compileReference(env).data.Resources;
  it('keeps production tables on delete and replace, and scales their capacity', () => {
    const production = Object.values(data('production'));
    const tables = production.filter((r) => r.Type === 'AWS::DynamoDB::Table');
    for (const t of tables) {
      expect([t.DeletionPolicy, t.UpdateReplacePolicy, t.Properties.BillingMode]).toEqual([
        'Retain',
        'Retain',
        'PROVISIONED',
      ]);
    }
    const indexes = tables.reduce((n, t) => n + (t.Properties.GlobalSecondaryIndexes?.length ?? 0), 0);
    expect(production.filter((r) => r.Type === 'AWS::ApplicationAutoScaling::ScalableTarget')).toHaveLength(
      (tables.length + indexes) * 2,
    );
  });
  it('uses on-demand billing and no autoscaling in test', () => {
    const all = Object.values(data('test'));
    const tables = all.filter((r) => r.Type === 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(platform.tables.length);
    expect(tables.every((r) => r.Properties.BillingMode === 'PAY_PER_REQUEST' && r.DeletionPolicy === 'Delete')).toBe(
      true,
    );
    expect(all.some((r) => r.Type.startsWith('AWS::ApplicationAutoScaling::'))).toBe(false);
  });
});
