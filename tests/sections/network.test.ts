/**
 * The network section: what it compiles to (test and production shapes, internet none with
 * endpoints), how functions join it, its checks (reachability, environment ranges), the rules it
 * must pass for real (GEN-P4 across stacks, GEN-G7 on escape-hatch groups), its layer and graph.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../generator/environment/model.js';
import { architectureMermaid } from '../../generator/graph/architecture.js';
import { BUILTIN } from '../../generator/sections/index.js';
import { planSubnets } from '../../generator/sections/network/addressing.js';
import { formatCidr, overlaps, parseCidr, contains } from '../../generator/sections/network/cidr.js';
import { zonesOf } from '../../generator/sections/network/zones.js';
import { createRegistry } from '../../generator/sections/registry.js';
import type { Section } from '../../generator/sections/section.js';
import { readSpec } from '../../generator/pipeline/build.js';
import { REPO } from '../fixtures/run-fixture.js';
import { compileYaml, PROJECT, type Compiled } from '../helpers/compile-yaml.js';

const errors = (built: Compiled) => built.diagnostics.filter((d) => d.severity === 'error');
const of = (built: Compiled, code: string) => built.diagnostics.filter((d) => d.code === code);
const ref = (id: string) => ({ Ref: id });
const ids = (built: Compiled, type: string) =>
  Object.entries(built.resources)
    .filter(([, r]) => r.Type === type)
    .map(([id]) => id)
    .sort();
const statements = (built: Compiled, role: string) =>
  built.resources[role].Properties.Policies[0].PolicyDocument.Statement as any[];

const FUNCTION = `functions:
  orders:
    handler: handlers/orders.handler
`;
const spec = (network: string, functions = FUNCTION) => `${PROJECT}network:\n${network}\n${functions}`;
const TEST_ENV = 'region: eu-central-1\nnetwork:\n  cidr: 10.0.0.0/16\n  availabilityZones: 2\n';
const PRODUCTION_ENV =
  'region: eu-central-1\nprotected: true\nnetwork:\n  cidr: 10.1.0.0/16\n  availabilityZones: [eu-central-1a, eu-central-1b, eu-central-1c]\n  singleNatGateway: false\n';

describe('network section: internet through NAT', () => {
  const test = compileYaml(spec('  internet: nat\n  endpoints: [dynamodb, s3, logs]'), 'test', { test: TEST_ENV });
  const production = compileYaml(spec('  internet: nat'), 'production', {
    test: TEST_ENV,
    production: PRODUCTION_ENV,
  });

  it('puts the VPC and its parts in a network stack deployed before every other', () => {
    expect(errors(test)).toEqual([]);
    expect(test.stacks!.map((s) => s.layer)).toEqual(['network', 'app', 'monitoring']);
    expect(test.manifest!.deployOrder[0]).toBe('shop-test-network');
    expect(test.resources.Vpc.Properties).toMatchObject({
      CidrBlock: '10.0.0.0/16',
      EnableDnsHostnames: true,
      EnableDnsSupport: true,
    });
    expect(test.resources.Vpc.Properties.Tags).toContainEqual({ Key: 'Name', Value: 'test-shop-vpc' });
    const ec2 = Object.keys(test.resources).filter((id) => test.resources[id].Type.startsWith('AWS::EC2::'));
    expect(ec2.length).toBe(24);
    for (const id of ec2) expect(test.layerOf[id]).toBe('network');
  });

  it('test: two counted zones, default /20 ranges keyed by zone, one NAT gateway for both', () => {
    expect(ids(test, 'AWS::EC2::Subnet')).toEqual([
      'PrivateSubnetA',
      'PrivateSubnetB',
      'PublicSubnetA',
      'PublicSubnetB',
    ]);
    expect(
      ['PrivateSubnetA', 'PrivateSubnetB', 'PublicSubnetA', 'PublicSubnetB'].map(
        (id) => test.resources[id].Properties.CidrBlock,
      ),
    ).toEqual(['10.0.0.0/20', '10.0.16.0/20', '10.0.128.0/20', '10.0.144.0/20']);
    expect(test.resources.PrivateSubnetB.Properties.AvailabilityZone).toEqual({
      'Fn::Select': [1, { 'Fn::GetAZs': '' }],
    });
    expect(ids(test, 'AWS::EC2::NatGateway')).toEqual(['NatGatewayA']);
    expect(test.resources.NatGatewayA.Properties.SubnetId).toEqual(ref('PublicSubnetA'));
    expect(test.resources.NatGatewayAAddress.DependsOn).toBe('InternetGatewayAttachment');
    for (const zone of ['A', 'B'])
      expect(test.resources[`PrivateRouteTable${zone}NatRoute`].Properties).toEqual({
        RouteTableId: ref(`PrivateRouteTable${zone}`),
        DestinationCidrBlock: '0.0.0.0/0',
        NatGatewayId: ref('NatGatewayA'),
      });
    expect(test.resources.PublicRouteTableInternetRoute).toMatchObject({
      DependsOn: 'InternetGatewayAttachment',
      Properties: { GatewayId: ref('InternetGateway'), DestinationCidrBlock: '0.0.0.0/0' },
    });
    expect(test.resources.PublicSubnetB.Properties.MapPublicIpOnLaunch).toBe(false);
  });

  it('production: three named zones, a NAT gateway and route table each, zones written from the region', () => {
    expect(errors(production)).toEqual([]);
    expect(ids(production, 'AWS::EC2::NatGateway')).toEqual(['NatGatewayA', 'NatGatewayB', 'NatGatewayC']);
    for (const zone of ['A', 'B', 'C'])
      expect(production.resources[`PrivateRouteTable${zone}NatRoute`].Properties.NatGatewayId).toEqual(
        ref(`NatGateway${zone}`),
      );
    expect(production.resources.PrivateSubnetC.Properties).toMatchObject({
      AvailabilityZone: { 'Fn::Sub': '${AWS::Region}c' },
      CidrBlock: '10.1.32.0/20',
    });
  });

  it('gateway endpoints on every private route table, interface endpoints in every private subnet behind their own group', () => {
    expect(test.resources.DynamodbEndpoint.Properties).toEqual({
      VpcId: ref('Vpc'),
      ServiceName: { 'Fn::Sub': 'com.amazonaws.${AWS::Region}.dynamodb' },
      VpcEndpointType: 'Gateway',
      RouteTableIds: [ref('PrivateRouteTableA'), ref('PrivateRouteTableB')],
      Tags: expect.any(Array),
    });
    expect(test.resources.LogsEndpoint.Properties).toMatchObject({
      VpcEndpointType: 'Interface',
      PrivateDnsEnabled: true,
      SubnetIds: [ref('PrivateSubnetA'), ref('PrivateSubnetB')],
      SecurityGroupIds: [{ 'Fn::GetAtt': ['EndpointSecurityGroup', 'GroupId'] }],
    });
    expect(test.resources.EndpointSecurityGroup.Properties.SecurityGroupIngress).toEqual([
      {
        IpProtocol: 'tcp',
        FromPort: 443,
        ToPort: 443,
        SourceSecurityGroupId: { 'Fn::GetAtt': ['FunctionSecurityGroup', 'GroupId'] },
        Description: 'HTTPS from the functions security group',
      },
    ]);
    // Without interface endpoints there is no endpoint group.
    expect(production.resources.EndpointSecurityGroup).toBeUndefined();
  });

  it('every function joins the private subnets through typed parameters, with the network-interface actions', () => {
    const app = test.templates.app;
    expect(app.Parameters).toEqual({
      FunctionSecurityGroupId: { Description: expect.any(String), Type: 'AWS::EC2::SecurityGroup::Id' },
      PrivateSubnetAId: { Description: expect.any(String), Type: 'AWS::EC2::Subnet::Id' },
      PrivateSubnetBId: { Description: expect.any(String), Type: 'AWS::EC2::Subnet::Id' },
    });
    expect(test.templates.network.Outputs.PrivateSubnetAId.Value).toEqual(ref('PrivateSubnetA'));
    expect(test.resources.OrdersFunction.Properties.VpcConfig).toEqual({
      SubnetIds: [ref('PrivateSubnetAId'), ref('PrivateSubnetBId')],
      SecurityGroupIds: [ref('FunctionSecurityGroupId')],
    });
    // Writes only on this account's and region's EC2 resources (AWS's documented form); describing needs '*'.
    expect(statements(test, 'OrdersRole').filter((s) => String(s.Sid).startsWith('NetworkInterfaces'))).toEqual([
      {
        Sid: 'NetworkInterfaces',
        Effect: 'Allow',
        Action: [
          'ec2:AssignPrivateIpAddresses',
          'ec2:CreateNetworkInterface',
          'ec2:DeleteNetworkInterface',
          'ec2:UnassignPrivateIpAddresses',
        ],
        Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:*/*' }],
      },
      {
        Sid: 'NetworkInterfacesDescribe',
        Effect: 'Allow',
        Action: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'],
        Resource: '*',
      },
    ]);
    // The rules ran on the finished stacks: nothing about the network.
    expect(test.diagnostics.filter((d) => d.code === 'GEN601')).toEqual([]);
  });
});

describe('network section: no internet', () => {
  const functions = `tables:
  state: { partitionKey: id }
queues:
  dlq: {}
topics:
  alerts: {}
functions:
  validate:
    handler: handlers/orders.handler
    tables: { state: read-write }
    topics: { alerts: publish }
    queues: { dlq: send }
  outside:
    handler: handlers/orders.handler
    network: none
    topics: { alerts: publish }
`;
  const built = compileYaml(
    spec(
      '  internet: none\n  endpoints: [dynamodb, s3, states]\n  egress:\n    - { port: 5432, to: 10.20.0.0/16 }',
      functions,
    ),
    'test',
    { test: TEST_ENV },
  );

  it('has private subnets only: no internet gateway, NAT or public subnet', () => {
    expect(errors(built)).toEqual([]);
    expect(ids(built, 'AWS::EC2::Subnet')).toEqual(['PrivateSubnetA', 'PrivateSubnetB']);
    for (const type of ['AWS::EC2::InternetGateway', 'AWS::EC2::NatGateway', 'AWS::EC2::EIP', 'AWS::EC2::Route'])
      expect(ids(built, type)).toEqual([]);
  });

  it('lets functions send HTTPS anywhere and what egress declares, and admits nothing', () => {
    expect(built.resources.FunctionSecurityGroup.Properties.SecurityGroupEgress).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }),
      {
        IpProtocol: 'tcp',
        FromPort: 5432,
        ToPort: 5432,
        CidrIp: '10.20.0.0/16',
        Description: 'tcp 5432 to 10.20.0.0/16 (spec network.egress)',
      },
    ]);
    expect(built.resources.FunctionSecurityGroup.Properties.SecurityGroupIngress).toBeUndefined();
  });

  it('warns at the reference for each service a private function uses without an endpoint (GEN356)', () => {
    const warnings = of(built, 'GEN356');
    expect(warnings.map((w) => [w.severity, w.location?.path, w.message, w.fix])).toEqual([
      [
        'warning',
        ['functions', 'validate', 'queues', 'dlq'],
        "function 'validate' uses queue 'dlq' (sqs), but the network has no internet and no sqs endpoint: its calls to sqs cannot leave the network",
        'add sqs to network.endpoints (an interface endpoint), or set network.internet: nat',
      ],
      [
        'warning',
        ['functions', 'validate', 'topics', 'alerts'],
        "function 'validate' uses topic 'alerts' (sns), but the network has no internet and no sns endpoint: its calls to sns cannot leave the network",
        'add sns to network.endpoints (an interface endpoint), or set network.internet: nat',
      ],
    ]);
    // With the endpoints, or with NAT, nothing to say.
    const fixed = compileYaml(spec('  internet: none\n  endpoints: [dynamodb, sns, sqs]', functions), 'test', {
      test: TEST_ENV,
    });
    expect(of(fixed, 'GEN356')).toEqual([]);
    // A gateway service's fix says "a gateway endpoint" (it once read "an gateway").
    const noGateway = compileYaml(spec('  internet: none\n  endpoints: [sns, sqs]', functions), 'test', {
      test: TEST_ENV,
    });
    expect(of(noGateway, 'GEN356').map((w) => w.fix)).toEqual([
      'add dynamodb to network.endpoints (a gateway endpoint), or set network.internet: nat',
    ]);
    expect(of(compileYaml(spec('  internet: nat', functions), 'test', { test: TEST_ENV }), 'GEN356')).toEqual([]);
  });

  it('keeps a function with network: none out, marked for GEN-P4, which warns at its network key', () => {
    expect(built.resources.OutsideFunction.Properties.VpcConfig).toBeUndefined();
    expect((built.resources.OutsideFunction as any).Metadata).toEqual({ gen: { network: 'none' } });
    expect(statements(built, 'OutsideRole').map((s) => s.Sid)).not.toContain('NetworkInterfaces');
    const p4 = built.diagnostics.filter((d) => d.code === 'GEN601');
    expect(p4.map((d) => [d.severity, d.location?.path, d.message])).toEqual([
      [
        'warning',
        ['functions', 'outside', 'network'],
        'GEN-P4 function-configuration: OutsideFunction in app.template.json: runs outside the private network (network: none)',
      ],
    ]);
  });
});

describe('network section: checks', () => {
  it('refuses network: private without a network (GEN357)', () => {
    const built = compileYaml(`${PROJECT}${FUNCTION}    network: private\n`);
    expect(errors(built).map((d) => [d.code, d.location?.path])).toEqual([
      ['GEN357', ['functions', 'orders', 'network']],
    ]);
  });

  it('leaves specs without a network unchanged: no stack, no VpcConfig, no statement', () => {
    const built = compileYaml(`${PROJECT}${FUNCTION}`);
    expect(built.stacks!.map((s) => s.layer)).not.toContain('network');
    expect(built.resources.OrdersFunction.Properties.VpcConfig).toBeUndefined();
    expect((built.resources.OrdersFunction as any).Metadata).toBeUndefined();
  });

  const envError = (network: string, internet = 'nat') => {
    const built = compileYaml(spec(`  internet: ${internet}`), 'test', {
      test: `region: eu-central-1\nnetwork:\n${network}`,
    });
    return built.diagnostics
      .filter((d) => d.code === 'GEN355')
      .map((d) => [d.severity, d.location?.file, d.location?.path.join('.'), d.message, d.fix]);
  };

  it('points range mistakes at the environment file key, with the fix', () => {
    expect(envError('  cidr: 10.0.0.0/8')).toEqual([
      [
        'error',
        'environments/test.yaml',
        'network.cidr',
        'network.cidr 10.0.0.0/8 is a /8; AWS allows VPC ranges from /16 to /28',
        'use a range such as 10.0.0.0/16 (VPC) or 10.0.0.0/20 (subnet), /16 to /28',
      ],
    ]);
    expect(envError('  cidr: 10.0.300.0/16')[0][3]).toBe(
      'network.cidr 10.0.300.0/16 is not an IPv4 range (four numbers from 0 to 255 and a prefix length)',
    );
    expect(envError('  cidr: 10.0.0.0/26')[0][3]).toMatch(/too small for the default subnets/);
    expect(envError('  privateSubnets: [10.0.0.0/20]')).toEqual([
      [
        'error',
        'environments/test.yaml',
        'network.privateSubnets',
        'network.privateSubnets lists 1 range for 2 availability zones',
        'write one range per zone, in the order of availabilityZones',
      ],
    ]);
    // A written range that clashes with a default one is reported where it is written.
    expect(envError('  privateSubnets: [10.0.0.0/20, 10.0.128.0/20]')).toEqual([
      [
        'error',
        'environments/test.yaml',
        'network.privateSubnets.1',
        'the public subnet of eu-central-1 zone 1 (10.0.128.0/20, the default) overlaps the private subnet of eu-central-1 zone 2 (10.0.128.0/20)',
        'give every subnet its own part of 10.0.0.0/16',
      ],
    ]);
    expect(envError('  publicSubnets: [10.0.1.0/24, 10.0.2.0/24]', 'none')).toEqual([
      [
        'warning',
        'environments/test.yaml',
        'network.publicSubnets',
        'network.publicSubnets is not used: the spec says internet: none, so the network has no public subnets',
        'remove publicSubnets, or set internet: nat in the spec',
      ],
    ]);
    expect(envError('  availabilityZones: [eu-central-1i]')[0][3]).toBe(
      'eu-central-1i has no default subnet range (defaults exist for zones a to h)',
    );
  });

  it('accepts every base environment of the other sections (the default zones are a count, not one region)', () => {
    const built = compileYaml(spec('  internet: nat'), 'test', { test: 'region: us-east-1\n' });
    expect(errors(built)).toEqual([]);
    expect(built.resources.PrivateSubnetA.Properties.AvailabilityZone).toEqual({
      'Fn::Select': [0, { 'Fn::GetAZs': '' }],
    });
  });
});

describe('network section: rules hold for real', () => {
  it('GEN-P4 fails an escape-hatch function in the app stack that stays out of the VPC in another stack', () => {
    const built = compileYaml(
      `${spec('  internet: nat')}resources:
  Legacy:
    layer: app
    type: AWS::Lambda::Function
    properties:
      Role: arn:aws:iam::123456789012:role/legacy
      Code: { ZipFile: "exports.handler = async () => 1" }
      Handler: index.handler
      Runtime: nodejs22.x
      TracingConfig: { Mode: Active }
`,
      'test',
      { test: TEST_ENV },
    );
    expect(errors(built).map((d) => d.message)).toEqual([
      'GEN-P4 function-configuration: Legacy in app.template.json: the environment has a VPC but the function is not in its subnets',
    ]);
  });

  it('GEN-G7 fails an escape-hatch security group in the network stack open to the internet', () => {
    const built = compileYaml(
      `${spec('  internet: nat')}resources:
  AdminSecurityGroup:
    layer: network
    type: AWS::EC2::SecurityGroup
    properties:
      GroupDescription: admin
      VpcId: { Ref: Vpc }
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
`,
      'test',
      { test: TEST_ENV },
    );
    expect(errors(built).map((d) => d.message)).toEqual([
      'GEN-G7 security-group-ingress: AdminSecurityGroup in network.template.json: ingress rule 1 admits tcp 22 from 0.0.0.0/0',
    ]);
  });
});

describe('network section: layer, graph, environment schema', () => {
  it('places the network layer before data whatever the order sections are listed in', () => {
    expect(BUILTIN.layers.map((l) => l.name).slice(0, 2)).toEqual(['network', 'data']);
    const early: Section = {
      key: 'early',
      kind: 'single',
      schema: {},
      layers: [{ name: 'early', before: 'data', purpose: 'x' }],
    };
    const registry = createRegistry([early, ...BUILTIN.sections]);
    expect(registry.layers.map((l) => l.name).slice(0, 3)).toEqual(['early', 'network', 'data']);
    expect(() => createRegistry([{ ...early, layers: [{ name: 'early', before: 'nowhere', purpose: 'x' }] }])).toThrow(
      "layer 'early' is placed before unknown layer 'nowhere'",
    );
  });

  it('draws the VPC, a node per zone with its ranges and a node per endpoint', () => {
    const root = join(REPO, 'tests/golden/sections/network/private-endpoints');
    const { spec: read } = readSpec({ root, specDir: join(root, 'spec') });
    const env = {
      name: 'test',
      region: 'us-east-1',
      network: {
        cidr: '10.0.0.0/16',
        availabilityZones: 3,
        singleNatGateway: true,
        privateSubnets: ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'],
      },
      functions: { memory: 256, timeout: 30 },
    } as unknown as Environment;
    const mermaid = architectureMermaid(read!, env);
    expect(mermaid).toContain('subgraph network["network: shop-test-network"]');
    expect(mermaid).toContain('network_vpc[("VPC 10.0.0.0/16<br/>no internet")]');
    expect(mermaid).toContain('network_zone_C["us-east-1 zone 3<br/>private 10.0.3.0/24"]');
    expect(mermaid).toContain('network_endpoint_states{{"states endpoint<br/>interface"}}');
    expect(mermaid).toContain('network_vpc --- network_endpoint_s3');
    // The network box comes last from the left: callers on the left, the network under everything.
    expect(mermaid.indexOf('subgraph network')).toBeGreaterThan(mermaid.indexOf('subgraph data'));
  });

  it('keeps the reference environment files valid: the network settings moved into the section', () => {
    expect(BUILTIN.schemas.environment.properties).toHaveProperty('network');
    const resolved = zonesOf({
      file: 'environments/production.yaml',
      region: 'eu-central-1',
      network: {
        cidr: '10.1.0.0/16',
        availabilityZones: ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'],
        singleNatGateway: false,
      },
    } as unknown as Environment);
    expect(resolved.zones.map((z) => z.key)).toEqual(['A', 'B', 'C']);
  });
});

describe('network addressing (property)', () => {
  const LETTERS = 'abcdefgh';
  const environment = (prefix: number, letters: string[], second: number) =>
    ({
      file: 'environments/test.yaml',
      region: 'us-east-1',
      network: {
        cidr: formatCidr({ base: (10 * 256 + second) * 65536, prefix }),
        availabilityZones: letters.map((l) => `us-east-1${l}`),
        singleNatGateway: true,
      },
    }) as unknown as Environment;

  it('gives every zone private and public ranges inside the VPC, none overlapping, each independent of the other zones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 24 }),
        fc.subarray([...LETTERS], { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 255 }),
        (prefix, letters, second) => {
          const env = environment(prefix, letters, second);
          const { subnets, diagnostics } = planSubnets(env, 'nat', zonesOf(env).zones);
          expect(diagnostics).toEqual([]);
          const vpc = parseCidr(env.network.cidr)!;
          const blocks = subnets.flatMap((s) => [s.private, s.public!]).map((c) => parseCidr(c)!);
          for (const block of blocks) expect(contains(vpc, block)).toBe(true);
          for (const [i, a] of blocks.entries())
            for (const b of blocks.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
          // A zone's ranges are the same with it alone: adding or removing zones renumbers nothing.
          for (const s of subnets) {
            const alone = environment(prefix, [s.zone.key.toLowerCase()], second);
            expect(planSubnets(alone, 'nat', zonesOf(alone).zones).subnets[0]).toEqual(s);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
