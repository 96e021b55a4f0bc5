/**
 * GEN704: a subnet replaced with the CIDR block it has. CloudFormation creates the new subnet
 * before it deletes the old one, and a VPC refuses a second subnet on a CIDR block that is in use
 * ("The CIDR ... conflicts with another subnet", EC2 API Reference, CreateSubnet). Moving a subnet
 * to another availability zone, or another VPC, while keeping its block fails on AWS.
 */
import { same, updatedPairs, type UpdateRule } from './rule.js';

export const subnetCidr: UpdateRule = {
  code: 'GEN704',
  title: 'a subnet replaced while keeping its CIDR block (the new one would conflict with the old)',
  source: 'EC2 API Reference, CreateSubnet: a CIDR block in use by another subnet of the VPC is refused',
  check: (pair) =>
    updatedPairs(pair, 'AWS::EC2::Subnet').flatMap(([logicalId, before, after]) => {
      const impact = pair.impacts.get(logicalId)?.impact;
      if (impact !== 'replace' && impact !== 'may-replace') return [];
      const block = after.Properties?.CidrBlock;
      if (block === undefined || !same(before.Properties?.CidrBlock, block)) return [];
      return [
        {
          code: 'GEN704',
          severity: 'error',
          logicalId,
          message: `${logicalId} would be replaced (a new subnet made before the old one is deleted) with the same CIDR block ${typeof block === 'string' ? block : JSON.stringify(block)}: the VPC refuses a second subnet on a block in use, so the update fails on AWS`,
          fix: 'give the subnet a CIDR block no other subnet of the VPC uses, or add the new subnet beside the old one, move what uses it, then remove the old one',
        },
      ];
    }),
};
