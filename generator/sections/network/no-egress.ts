/**
 * The egress of a security group that only answers (VPC endpoints, the cache): a rule that
 * matches nothing (ICMP type 252 code 86 to the broadcast address), which replaces AWS's default
 * allow-all egress; an empty SecurityGroupEgress would keep that default.
 */
export const NO_EGRESS = [
  {
    IpProtocol: 'icmp',
    FromPort: 252,
    ToPort: 86,
    CidrIp: '255.255.255.255/32',
    Description: 'No outbound traffic',
  },
];
