/**
 * GEN-G7, guardrail (breadth.md §3.14 G7). Why: nothing in this platform is reached from the
 * internet through a security group: the API is API Gateway, functions are invoked by AWS, and
 * Redis, endpoints and databases are reached from the functions' own group. An ingress rule open to
 * every address (any CIDR with prefix length 0: 0.0.0.0/0, ::/0) exposes whatever the group
 * protects to the whole internet. Both inline rules (SecurityGroupIngress) and separate
 * AWS::EC2::SecurityGroupIngress resources are checked; egress is not (functions call out on 443).
 */
import { resourcesOf, type Rule } from '../rule.js';

const open = (cidr: unknown) => typeof cidr === 'string' && /\/0$/.test(cidr.trim());

function what(rule: any): string {
  const protocol = String(rule?.IpProtocol ?? '-1');
  if (protocol === '-1' || protocol === 'all') return 'all traffic';
  const [from, to] = [rule?.FromPort, rule?.ToPort];
  return from === undefined ? protocol : `${protocol} ${from}${to !== undefined && to !== from ? `-${to}` : ''}`;
}

const findings = (id: string, rule: any, where = '') =>
  [rule?.CidrIp, rule?.CidrIpv6]
    .filter(open)
    .map((cidr) => ({ resource: id, message: `${where}admits ${what(rule)} from ${cidr}` }));

export const securityGroupIngress: Rule = {
  id: 'GEN-G7',
  name: 'security-group-ingress',
  scope: 'stack',
  title: 'No security-group ingress from anywhere',
  description: 'No security group admits traffic from 0.0.0.0/0, ::/0 or any other CIDR of prefix length 0.',
  fix: 'admit the source security group (SourceSecurityGroupId) or the narrowest CIDR that needs access',
  check: (template) => [
    ...resourcesOf(template, 'AWS::EC2::SecurityGroup').flatMap(([id, r]) =>
      [r.Properties?.SecurityGroupIngress ?? []]
        .flat()
        .flatMap((rule: any, i: number) => findings(id, rule, `ingress rule ${i + 1} `)),
    ),
    ...resourcesOf(template, 'AWS::EC2::SecurityGroupIngress').flatMap(([id, r]) => findings(id, r.Properties)),
  ],
};
