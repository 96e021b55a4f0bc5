/**
 * network -> the VPC and its parts in the network layer, deployed first: per zone a private
 * subnet (and with internet: nat a public subnet and NAT), a private route table per zone,
 * endpoints, and the security groups of functions and interface endpoints. Everything refers to
 * everything else by Ref, so it is one placement group; the VPC, private subnets and the
 * functions' security group are shared with later stacks as typed parameters (placement/link.ts).
 */
import { ids, names } from '../../naming/ids.js';
import type { CfnResource, Fragment, PlacedResource } from '../../output/fragment.js';
import { projectOf } from '../project/model.js';
import type { CompileContext } from '../section.js';
import { planSubnets, type ZoneSubnets } from './addressing.js';
import { endpointServiceName, endpointType } from './endpoints.js';
import { networkOf, type Network } from './model.js';
import { zonesOf } from './zones.js';
import { NO_EGRESS } from './no-egress.js';

const ref = (id: string) => ({ Ref: id });
const ANYWHERE = '0.0.0.0/0';
const HTTPS = { IpProtocol: 'tcp', FromPort: 443, ToPort: 443 };

/** A subnet of the VPC in one zone; public ones too give no public address by default (only the NAT gateway has one). */
const subnet = (zone: ZoneSubnets['zone'], range: string | undefined, tags: unknown): CfnResource => ({
  Type: 'AWS::EC2::Subnet',
  Properties: {
    VpcId: ref(ids.vpc()),
    AvailabilityZone: zone.availabilityZone,
    CidrBlock: range,
    MapPublicIpOnLaunch: false,
    Tags: tags,
  },
});
/** The functions' security group is shared under this parameter; private subnets under PrivateSubnet<Zone>Id. */
export const SHARED = {
  vpc: { sharedAs: 'VpcId', sharedType: 'AWS::EC2::VPC::Id' },
  subnet: (zone: string) => ({ sharedAs: `${ids.subnet('Private', zone)}Id`, sharedType: 'AWS::EC2::Subnet::Id' }),
  securityGroup: { sharedAs: 'FunctionSecurityGroupId', sharedType: 'AWS::EC2::SecurityGroup::Id' },
};

export function compileNetwork(ctx: CompileContext): Fragment {
  const network = networkOf(ctx.spec)?.value;
  if (!network) return { resources: [], outputs: [], artifacts: [], diagnostics: [] };
  const { zones, diagnostics: zoneProblems } = zonesOf(ctx.env);
  const { subnets, diagnostics } = planSubnets(ctx.env, network.internet, zones);
  const all = [...zoneProblems, ...diagnostics];
  if (all.some((d) => d.severity === 'error')) return { resources: [], outputs: [], artifacts: [], diagnostics: all };
  const project = projectOf(ctx.spec)?.value.name ?? 'project';
  const name = (part: string) => [{ Key: 'Name', Value: names.networkPart(ctx.env.name, project, part) }];
  const resources: PlacedResource[] = [];
  const add = (logicalId: string, resource: CfnResource, shared: object = {}) =>
    resources.push({ layer: 'network', logicalId, group: ids.vpc(), resource, ...shared });

  add(
    ids.vpc(),
    {
      Type: 'AWS::EC2::VPC',
      Properties: {
        CidrBlock: ctx.env.network.cidr,
        EnableDnsHostnames: true,
        EnableDnsSupport: true,
        Tags: name('vpc'),
      },
    },
    SHARED.vpc,
  );
  for (const { zone, private: range } of subnets) {
    const letter = zone.key.toLowerCase();
    add(ids.subnet('Private', zone.key), subnet(zone, range, name(`private-${letter}`)), SHARED.subnet(zone.key));
    // One route table per zone whatever the NAT setting: switching singleNatGateway changes a route, never an ID.
    add(ids.privateRouteTable(zone.key), {
      Type: 'AWS::EC2::RouteTable',
      Properties: { VpcId: ref(ids.vpc()), Tags: name(`private-${letter}`) },
    });
    add(ids.subnetRouteTableAssociation('Private', zone.key), {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: {
        SubnetId: ref(ids.subnet('Private', zone.key)),
        RouteTableId: ref(ids.privateRouteTable(zone.key)),
      },
    });
  }
  if (network.internet === 'nat') internet(ctx, subnets, add, name);
  endpoints(network, subnets, add);
  securityGroups(ctx, network, add);
  return { resources, outputs: [], artifacts: [], diagnostics: all };
}

type Add = (logicalId: string, resource: CfnResource, shared?: object) => void;
type Name = (part: string) => { Key: string; Value: string }[];

/** Public subnets, the internet gateway, and NAT gateways the private route tables send everything else to. */
function internet(ctx: CompileContext, subnets: ZoneSubnets[], add: Add, name: Name) {
  const attachment = ids.internetGatewayAttachment();
  add(ids.internetGateway(), { Type: 'AWS::EC2::InternetGateway', Properties: { Tags: name('igw') } });
  add(attachment, {
    Type: 'AWS::EC2::VPCGatewayAttachment',
    Properties: { VpcId: ref(ids.vpc()), InternetGatewayId: ref(ids.internetGateway()) },
  });
  add(ids.publicRouteTable(), {
    Type: 'AWS::EC2::RouteTable',
    Properties: { VpcId: ref(ids.vpc()), Tags: name('public') },
  });
  // A route to the gateway fails until it is attached (AWS documents the DependsOn).
  add(ids.publicRoute(), {
    Type: 'AWS::EC2::Route',
    DependsOn: attachment,
    Properties: {
      RouteTableId: ref(ids.publicRouteTable()),
      DestinationCidrBlock: ANYWHERE,
      GatewayId: ref(ids.internetGateway()),
    },
  });
  // With one NAT gateway, it sits in the first zone listed and serves them all.
  const natZones = ctx.env.network.singleNatGateway ? subnets.slice(0, 1) : subnets;
  for (const { zone, public: range } of subnets) {
    const letter = zone.key.toLowerCase();
    add(ids.subnet('Public', zone.key), subnet(zone, range, name(`public-${letter}`)));
    add(ids.subnetRouteTableAssociation('Public', zone.key), {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: { SubnetId: ref(ids.subnet('Public', zone.key)), RouteTableId: ref(ids.publicRouteTable()) },
    });
  }
  for (const { zone } of natZones) {
    const letter = zone.key.toLowerCase();
    add(ids.natAddress(zone.key), {
      Type: 'AWS::EC2::EIP',
      DependsOn: attachment,
      Properties: { Domain: 'vpc', Tags: name(`nat-${letter}`) },
    });
    add(ids.natGateway(zone.key), {
      Type: 'AWS::EC2::NatGateway',
      Properties: {
        AllocationId: { 'Fn::GetAtt': [ids.natAddress(zone.key), 'AllocationId'] },
        SubnetId: ref(ids.subnet('Public', zone.key)),
        Tags: name(`nat-${letter}`),
      },
    });
  }
  for (const { zone } of subnets) {
    const nat = (natZones.find((n) => n.zone.key === zone.key) ?? natZones[0]).zone.key;
    add(ids.privateRoute(zone.key), {
      Type: 'AWS::EC2::Route',
      Properties: {
        RouteTableId: ref(ids.privateRouteTable(zone.key)),
        DestinationCidrBlock: ANYWHERE,
        NatGatewayId: ref(ids.natGateway(nat)),
      },
    });
  }
}

/** Gateway endpoints on every private route table; interface endpoints in every private subnet, behind their own group. */
function endpoints(network: Network, subnets: ZoneSubnets[], add: Add) {
  for (const service of network.endpoints) {
    const gateway = endpointType(service) === 'Gateway';
    add(ids.endpoint(service), {
      Type: 'AWS::EC2::VPCEndpoint',
      Properties: {
        VpcId: ref(ids.vpc()),
        ServiceName: endpointServiceName(service),
        VpcEndpointType: gateway ? 'Gateway' : 'Interface',
        ...(gateway
          ? { RouteTableIds: subnets.map(({ zone }) => ref(ids.privateRouteTable(zone.key))) }
          : {
              PrivateDnsEnabled: true,
              SubnetIds: subnets.map(({ zone }) => ref(ids.subnet('Private', zone.key))),
              SecurityGroupIds: [{ 'Fn::GetAtt': [ids.endpointSecurityGroup(), 'GroupId'] }],
            }),
      },
    });
  }
}

function securityGroups(ctx: CompileContext, network: Network, add: Add) {
  const project = projectOf(ctx.spec)?.value.name ?? 'project';
  const who = `${ctx.env.name}-${project}`;
  add(
    ids.functionSecurityGroup(),
    {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: `Functions of ${who}: HTTPS out, and the egress the spec declares; nothing in`,
        VpcId: ref(ids.vpc()),
        SecurityGroupEgress: [
          { ...HTTPS, CidrIp: ANYWHERE, Description: 'HTTPS to AWS services (endpoints or NAT) and the internet' },
          ...network.egress.map((e) => ({
            IpProtocol: e.protocol,
            FromPort: e.port,
            ToPort: e.port,
            CidrIp: e.to,
            Description: e.description ?? `${e.protocol} ${e.port} to ${e.to} (spec network.egress)`,
          })),
        ],
        Tags: [{ Key: 'Name', Value: `${who}-functions` }],
      },
    },
    SHARED.securityGroup,
  );
  if (!network.endpoints.some((s) => endpointType(s) === 'Interface')) return;
  add(ids.endpointSecurityGroup(), {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: `Interface endpoints of ${who}: HTTPS from the functions only`,
      VpcId: ref(ids.vpc()),
      SecurityGroupIngress: [
        {
          ...HTTPS,
          SourceSecurityGroupId: { 'Fn::GetAtt': [ids.functionSecurityGroup(), 'GroupId'] },
          Description: 'HTTPS from the functions security group',
        },
      ],
      // An endpoint only answers: NO_EGRESS replaces AWS's default allow-all egress.
      SecurityGroupEgress: NO_EGRESS,
      Tags: [{ Key: 'Name', Value: `${who}-endpoints` }],
    },
  });
}
