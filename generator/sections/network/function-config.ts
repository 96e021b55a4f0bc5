/**
 * What the network adds to each function (Section.configureFunction): its private subnets and the
 * functions' security group, and the network-interface actions Lambda needs to attach them (the
 * actions of AWS's AWSLambdaVPCAccessExecutionRole). A function written with network: none gets
 * neither, and a Metadata mark that GEN-P4 reads to report it as a deliberate exception (a
 * warning) instead of a mistake.
 */
import { ids } from '../../naming/ids.js';
import type { CompileContext, FunctionConfiguration } from '../section.js';
import { byName } from '../../spec.js';
import { functionsOf } from '../functions/model.js';
import { networkOf } from './model.js';
import { zonesOf } from './zones.js';

/**
 * Describing needs `*` (AWS documents no resource for it); the write actions are kept to network
 * interfaces, subnets and security groups of this account and region, in the form AWS documents
 * for Lambda (`arn:aws:ec2:<region>:<account>:*\/*`), so no statement grants writes on `*`.
 */
export const NETWORK_INTERFACE_STATEMENTS = [
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
];

/** The Metadata of a function kept out of the network on purpose (read by GEN-P4). */
export const OUTSIDE_NETWORK = { gen: { network: 'none' } };

export function configureFunction(functionName: string, ctx: CompileContext): FunctionConfiguration | undefined {
  if (!networkOf(ctx.spec)) return undefined;
  if (byName(functionsOf(ctx.spec), functionName)?.value.network === 'none') return { metadata: OUTSIDE_NETWORK };
  return {
    properties: {
      VpcConfig: {
        SubnetIds: zonesOf(ctx.env).zones.map((zone) => ({ Ref: ids.subnet('Private', zone.key) })),
        SecurityGroupIds: [{ Ref: ids.functionSecurityGroup() }],
      },
    },
    statements: NETWORK_INTERFACE_STATEMENTS,
  };
}
