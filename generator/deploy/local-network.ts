/**
 * moto (5.2) deletes a stack's VPC, subnets and security groups, but has no delete for VPC
 * endpoints, NAT gateways, Elastic IPs, internet gateways (or their attachments) and route tables:
 * deleting a network stack skips them, then its VPC refuses to go (DependencyViolation: more route
 * tables than the main one), and moto drops the stack from its list with all of them left behind.
 * So on the local endpoint, before a stack holding a VPC is deleted, gen removes these itself with
 * EC2's API, as CloudFormation does on AWS; moto then deletes the rest. Never used against AWS.
 */
import { DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import type { Clients } from './target.js';

/** Removes what moto would leave in each VPC of the stack; says what it removed. */
export async function clearLocalNetwork(
  clients: Clients,
  stackName: string,
  resources: Record<string, { Type: string }>,
  say: (line: string) => void,
) {
  // Only a network stack: moto cannot describe the resources of some others (those with types it skips).
  if (!Object.values(resources).some((r) => r.Type === 'AWS::EC2::VPC')) return;
  const { StackResources = [] } = await clients.cfn.send(new DescribeStackResourcesCommand({ StackName: stackName }));
  const vpcs = StackResources.filter((r) => r.ResourceType === 'AWS::EC2::VPC' && r.PhysicalResourceId).map(
    (r) => r.PhysicalResourceId as string,
  );
  if (vpcs.length === 0) return;
  const ec2 = await import('@aws-sdk/client-ec2');
  const client = new ec2.EC2Client(clients.config ?? { region: clients.region });
  for (const vpc of vpcs) {
    const inVpc = [{ Name: 'vpc-id', Values: [vpc] }];
    const removed: string[] = [];

    const { VpcEndpoints = [] } = await client.send(new ec2.DescribeVpcEndpointsCommand({ Filters: inVpc }));
    const endpoints = VpcEndpoints.filter((e) => String(e.State).toLowerCase() !== 'deleted').map(
      (e) => e.VpcEndpointId as string,
    );
    if (endpoints.length) await client.send(new ec2.DeleteVpcEndpointsCommand({ VpcEndpointIds: endpoints }));
    removed.push(...endpoints);

    const { NatGateways = [] } = await client.send(new ec2.DescribeNatGatewaysCommand({ Filter: inVpc }));
    for (const nat of NatGateways.filter((n) => n.State !== 'deleted')) {
      await client.send(new ec2.DeleteNatGatewayCommand({ NatGatewayId: nat.NatGatewayId }));
      removed.push(nat.NatGatewayId as string);
    }

    // What is still in the VPC's subnets: the NAT gateways' interfaces (and their Elastic IPs), any other.
    const { NetworkInterfaces = [] } = await client.send(new ec2.DescribeNetworkInterfacesCommand({ Filters: inVpc }));
    const interfaces = new Set(NetworkInterfaces.map((n) => n.NetworkInterfaceId));
    const { Addresses = [] } = await client.send(new ec2.DescribeAddressesCommand({}));
    for (const address of Addresses.filter((a) => interfaces.has(a.NetworkInterfaceId))) {
      if (address.AssociationId)
        await client.send(new ec2.DisassociateAddressCommand({ AssociationId: address.AssociationId }));
      await client.send(new ec2.ReleaseAddressCommand({ AllocationId: address.AllocationId }));
      removed.push(address.AllocationId as string);
    }
    for (const id of interfaces) {
      await client.send(new ec2.DeleteNetworkInterfaceCommand({ NetworkInterfaceId: id }));
      removed.push(id as string);
    }

    const attached = [{ Name: 'attachment.vpc-id', Values: [vpc] }];
    const { InternetGateways = [] } = await client.send(new ec2.DescribeInternetGatewaysCommand({ Filters: attached }));
    for (const { InternetGatewayId } of InternetGateways) {
      await client.send(new ec2.DetachInternetGatewayCommand({ InternetGatewayId, VpcId: vpc }));
      await client.send(new ec2.DeleteInternetGatewayCommand({ InternetGatewayId }));
      removed.push(InternetGatewayId as string);
    }

    // The main route table goes with the VPC; the others first lose their subnets.
    const { RouteTables = [] } = await client.send(new ec2.DescribeRouteTablesCommand({ Filters: inVpc }));
    for (const table of RouteTables.filter((t) => !t.Associations?.some((a) => a.Main))) {
      for (const { RouteTableAssociationId } of table.Associations ?? [])
        await client.send(new ec2.DisassociateRouteTableCommand({ AssociationId: RouteTableAssociationId }));
      await client.send(new ec2.DeleteRouteTableCommand({ RouteTableId: table.RouteTableId }));
      removed.push(table.RouteTableId as string);
    }
    if (removed.length)
      say(`${stackName}: removed what moto would leave in ${vpc} (local endpoint): ${removed.join(', ')}`);
  }
}
