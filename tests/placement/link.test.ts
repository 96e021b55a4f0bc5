/** References between stacks: a shared Ref becomes a parameter; anything else is an error, never a broken template. */
import { describe, expect, it } from 'vitest';
import { mergeFragments } from '../../generator/output/merge.js';
import { fragment, type PlacedResource } from '../../generator/output/fragment.js';
import { groupsOf } from '../../generator/placement/groups.js';
import { linkStacks } from '../../generator/placement/link.js';
import { placeGroups } from '../../generator/placement/place.js';
import { BUILTIN } from '../../generator/sections/index.js';

const permission = (id: string): PlacedResource => ({
  layer: 'api',
  logicalId: id,
  resource: {
    Type: 'AWS::Lambda::Permission',
    Properties: { SourceArn: { 'Fn::Sub': 'arn:aws:execute-api:r:a:${Api}/*/GET/x' } },
  },
});
const api: PlacedResource = {
  layer: 'api',
  logicalId: 'Api',
  sharedAs: 'ApiId',
  resource: { Type: 'AWS::ApiGateway::RestApi', Properties: {} },
};
const tight = { resources: 3, outputs: 10, templateBytes: 1_000_000 };

function link(resources: PlacedResource[]) {
  const merged = mergeFragments([fragment(resources)]);
  return linkStacks(
    merged,
    placeGroups(groupsOf(merged, BUILTIN.pinnedTypes), undefined, 'test', tight, ['data', 'app', 'api', 'monitoring']),
    () => 'eu-central-1',
  );
}

describe('linkStacks', () => {
  it("hands the API id to permissions in later stacks as a parameter, and outputs it from the API's stack", () => {
    const { plans, diagnostics } = link([api, permission('APermission'), permission('BPermission')]);
    expect(diagnostics).toEqual([]);
    expect(plans.map((p) => [p.name, p.resources.map((r) => r.logicalId)])).toEqual([
      ['api', ['APermission', 'Api']],
      ['api-2', ['BPermission']],
    ]);
    expect(plans[0].outputs.map((o) => [o.name, o.value])).toEqual([['ApiId', { Ref: 'Api' }]]);
    expect(plans[1].parameters).toEqual({ ApiId: { stack: 'api', output: 'ApiId' } });
    expect(plans[0].parameters).toEqual({});
    expect((plans[0].resources[0].resource as any).Properties.SourceArn).toEqual({
      'Fn::Sub': 'arn:aws:execute-api:r:a:${Api}/*/GET/x',
    });
    expect((plans[1].resources[0].resource as any).Properties.SourceArn).toEqual({
      'Fn::Sub': 'arn:aws:execute-api:r:a:${ApiId}/*/GET/x',
    });
  });

  it('reports a Ref to a resource of another stack that is not shared (GEN508)', () => {
    const queue: PlacedResource = { layer: 'app', logicalId: 'Queue', resource: { Type: 'AWS::SQS::Queue' } };
    const user: PlacedResource = {
      layer: 'monitoring',
      logicalId: 'QueueAlarm',
      resource: {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: { Dimensions: [{ Value: { 'Fn::GetAtt': ['Queue', 'QueueName'] } }] },
      },
    };
    const { diagnostics } = link([queue, user]);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'GEN508',
        'QueueAlarm (stack monitoring) refers to Queue, which is in stack app; a stack can only refer to another one by name',
      ],
    ]);
  });
});

describe('linkStacks: attributes (Fn::GetAtt) across stacks', () => {
  const cache: PlacedResource = {
    layer: 'data',
    logicalId: 'Cache',
    sharedAttributes: ['PrimaryEndPoint.Address', 'PrimaryEndPoint.Port'],
    resource: { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: {} },
  };
  const reader = (id: string, layer: 'app' | 'api' = 'app'): PlacedResource => ({
    layer,
    logicalId: id,
    resource: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Environment: {
          Variables: {
            HOST: { 'Fn::GetAtt': ['Cache', 'PrimaryEndPoint.Address'] },
            ENDPOINT: { 'Fn::Sub': '${Cache.PrimaryEndPoint.Address}:${Cache.PrimaryEndPoint.Port}' },
          },
        },
      },
    },
  });

  it('two attributes of one resource: one output in its stack and one parameter in the reader per attribute', () => {
    const { plans, diagnostics } = link([cache, reader('Reader')]);
    expect(diagnostics).toEqual([]);
    const [data, app] = plans;
    expect(data.outputs.map((o) => [o.name, o.value])).toEqual([
      ['CachePrimaryEndPointAddress', { 'Fn::GetAtt': ['Cache', 'PrimaryEndPoint.Address'] }],
      ['CachePrimaryEndPointPort', { 'Fn::GetAtt': ['Cache', 'PrimaryEndPoint.Port'] }],
    ]);
    expect(app.parameters).toEqual({
      CachePrimaryEndPointAddress: { stack: 'data', output: 'CachePrimaryEndPointAddress' },
      CachePrimaryEndPointPort: { stack: 'data', output: 'CachePrimaryEndPointPort' },
    });
    expect((app.resources[0].resource as any).Properties.Environment.Variables).toEqual({
      HOST: { Ref: 'CachePrimaryEndPointAddress' },
      ENDPOINT: { 'Fn::Sub': '${CachePrimaryEndPointAddress}:${CachePrimaryEndPointPort}' },
    });
  });

  it('an attribute read by two stacks is one output, and a parameter in each', () => {
    const { plans, diagnostics } = link([cache, reader('AppReader'), reader('ApiReader', 'api')]);
    expect(diagnostics).toEqual([]);
    expect(plans.map((p) => p.name)).toEqual(['data', 'app', 'api']);
    expect(plans[0].outputs.map((o) => o.name)).toEqual(['CachePrimaryEndPointAddress', 'CachePrimaryEndPointPort']);
    for (const plan of plans.slice(1))
      expect(Object.keys(plan.parameters)).toEqual(['CachePrimaryEndPointAddress', 'CachePrimaryEndPointPort']);
  });

  it('only attributes some later stack reads become outputs; the string form of Fn::GetAtt is read too', () => {
    const one: PlacedResource = {
      layer: 'app',
      logicalId: 'Reader',
      resource: { Type: 'AWS::SSM::Parameter', Properties: { Value: { 'Fn::GetAtt': 'Cache.PrimaryEndPoint.Port' } } },
    };
    const { plans, diagnostics } = link([cache, one]);
    expect(diagnostics).toEqual([]);
    expect(plans[0].outputs.map((o) => o.name)).toEqual(['CachePrimaryEndPointPort']);
    expect((plans[1].resources[0].resource as any).Properties.Value).toEqual({ Ref: 'CachePrimaryEndPointPort' });
  });

  it('an attribute the resource does not share, or one of a resource in a later stack, is GEN508', () => {
    const unshared: PlacedResource = {
      layer: 'app',
      logicalId: 'Reader',
      resource: {
        Type: 'AWS::SSM::Parameter',
        Properties: { Value: { 'Fn::GetAtt': ['Cache', 'ConfigurationEndPoint.Address'] } },
      },
    };
    expect(link([cache, unshared]).diagnostics.map((d) => d.code)).toEqual(['GEN508']);
    // The reader is in data, deployed before the api stack that holds the shared resource.
    const later: PlacedResource = { ...cache, layer: 'api', logicalId: 'Cache' };
    const early: PlacedResource = { ...reader('Early'), layer: 'data' };
    const { plans, diagnostics } = link([later, early]);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'GEN508',
        'Early (stack data) refers to Cache, which is in stack api; a stack can only refer to another one by name',
      ],
    ]);
    expect(plans.flatMap((p) => p.outputs)).toEqual([]);
  });
});

describe('linkStacks: an attribute read from a stack in another region', () => {
  it('records the source stack’s region on the parameter, as for a Ref', () => {
    const cache: PlacedResource = {
      layer: 'data',
      logicalId: 'Cache',
      sharedAttributes: ['PrimaryEndPoint.Address'],
      resource: { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: {} },
    };
    const reader: PlacedResource = {
      layer: 'api',
      logicalId: 'Reader',
      resource: {
        Type: 'AWS::SSM::Parameter',
        Properties: { Value: { 'Fn::GetAtt': ['Cache', 'PrimaryEndPoint.Address'] } },
      },
    };
    const merged = mergeFragments([fragment([cache, reader])]);
    const placed = placeGroups(groupsOf(merged, BUILTIN.pinnedTypes), undefined, 'test', tight, ['data', 'api']);
    const { plans, diagnostics } = linkStacks(merged, placed, (layer) =>
      layer === 'api' ? 'us-east-1' : 'eu-central-1',
    );
    expect(diagnostics).toEqual([]);
    expect(plans[1].parameters).toEqual({
      CachePrimaryEndPointAddress: { stack: 'data', output: 'CachePrimaryEndPointAddress', region: 'eu-central-1' },
    });
  });
});
