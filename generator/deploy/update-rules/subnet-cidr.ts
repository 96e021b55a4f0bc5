/**
 * GEN704: a subnet made on a CIDR block a subnet of the same VPC still holds. CloudFormation
 * creates before it deletes: a replaced subnet's successor, or a subnet added by the update that
 * removes another, exists beside the old one for a while, and a VPC refuses a second subnet on a
 * block in use ("The CIDR ... conflicts with another subnet", EC2 API Reference, CreateSubnet).
 * Moving a subnet to another zone with its block, or giving a new zone the block of a zone dropped
 * in the same deploy, fails on AWS.
 */
import type { CfnResource } from '../../rules/rule.js';
import { same, type UpdateRule } from './rule.js';

const TYPE = 'AWS::EC2::Subnet';
const show = (block: unknown) => (typeof block === 'string' ? block : JSON.stringify(block));
const subnets = (resources: Record<string, CfnResource> = {}) =>
  Object.entries(resources).filter(([, r]) => r.Type === TYPE && r.Properties?.CidrBlock !== undefined);

export const subnetCidr: UpdateRule = {
  code: 'GEN704',
  title:
    'a subnet made on a CIDR block a subnet of the VPC still holds (replaced in place, or a dropped one’s block reused)',
  source: 'EC2 API Reference, CreateSubnet: a CIDR block in use by another subnet of the VPC is refused',
  check: ({ deployed, next, impacts }) => {
    const before = deployed.Resources ?? {};
    const after = next.Resources ?? {};
    const removed = subnets(before).filter(([id]) => !after[id]);
    return subnets(after).flatMap(([logicalId, subnet]) => {
      const block = subnet.Properties!.CidrBlock;
      const old = before[logicalId];
      const impact = impacts.get(logicalId)?.impact;
      if (old?.Type === TYPE && (impact === 'replace' || impact === 'may-replace')) {
        if (!same(old.Properties?.CidrBlock, block)) return [];
        return [
          {
            code: 'GEN704' as const,
            severity: 'error' as const,
            logicalId,
            message: `${logicalId} would be replaced (a new subnet made before the old one is deleted) with the same CIDR block ${show(block)}: the VPC refuses a second subnet on a block in use, so the update fails on AWS`,
            fix: 'give the subnet a CIDR block no other subnet of the VPC uses, or add the new subnet beside the old one, move what uses it, then remove the old one',
          },
        ];
      }
      if (old) return [];
      const holder = removed.find(
        ([, r]) => same(r.Properties?.CidrBlock, block) && same(r.Properties?.VpcId, subnet.Properties?.VpcId),
      );
      if (!holder) return [];
      return [
        {
          code: 'GEN704' as const,
          severity: 'error' as const,
          logicalId,
          message: `${logicalId} is added on CIDR block ${show(block)}, which ${holder[0]} holds until this deploy removes it: CloudFormation creates the new subnet first, and the VPC refuses a block in use, so the update fails on AWS`,
          fix: `deploy the removal of ${holder[0]} first and the new subnet after it, or give the new subnet a block no subnet uses`,
        },
      ];
    });
  },
};
