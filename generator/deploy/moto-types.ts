import { keyForMoto } from './moto-kms.js';

/**
 * Resource types moto's CloudFormation creates (moto 5.2.1, pinned in scripts/python-requirements.txt;
 * tests/deploy/moto-types.test.ts compares this list with the installed moto). moto skips every
 * other type without an error, so `gen deploy --local` names them once instead of pretending
 * they exist; their templates are covered by cfn-lint and the template tests.
 */
export const MOTO_TYPES: ReadonlySet<string> = new Set([
  'AWS::ApiGateway::Deployment',
  'AWS::ApiGateway::Method',
  'AWS::ApiGateway::Resource',
  'AWS::ApiGateway::RestApi',
  'AWS::AutoScaling::AutoScalingGroup',
  'AWS::AutoScaling::LaunchConfiguration',
  'AWS::AutoScaling::ScheduledAction',
  'AWS::Batch::ComputeEnvironment',
  'AWS::Batch::JobDefinition',
  'AWS::Batch::JobQueue',
  'AWS::CloudFormation::Stack',
  'AWS::CloudWatch::Dashboard',
  'AWS::DataPipeline::Pipeline',
  'AWS::DynamoDB::Table',
  'AWS::EC2::EIP',
  'AWS::EC2::FlowLog',
  'AWS::EC2::Instance',
  'AWS::EC2::InternetGateway',
  'AWS::EC2::LaunchTemplate',
  'AWS::EC2::NatGateway',
  'AWS::EC2::NetworkInterface',
  'AWS::EC2::Route',
  'AWS::EC2::RouteTable',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::SpotFleet',
  'AWS::EC2::Subnet',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::TransitGateway',
  'AWS::EC2::VPC',
  'AWS::EC2::VPCEndpoint',
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::EC2::VPCPeeringConnection',
  'AWS::EC2::VPNGateway',
  'AWS::EC2::Volume',
  'AWS::EC2::VolumeAttachment',
  'AWS::ECR::Repository',
  'AWS::ECS::Cluster',
  'AWS::ECS::Service',
  'AWS::ECS::TaskDefinition',
  'AWS::EFS::AccessPoint',
  'AWS::EFS::FileSystem',
  'AWS::EFS::MountTarget',
  'AWS::EMR::Cluster',
  'AWS::EMR::InstanceGroupConfig',
  'AWS::EMR::SecurityConfiguration',
  'AWS::ElasticLoadBalancing::LoadBalancer',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::ListenerRule',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancingV2::TargetGroup',
  'AWS::Events::Archive',
  'AWS::Events::EventBus',
  'AWS::Events::Rule',
  'AWS::IAM::AccessKey',
  'AWS::IAM::InstanceProfile',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::Policy',
  'AWS::IAM::Role',
  'AWS::IAM::User',
  'AWS::IoT::BillingGroup',
  'AWS::IoT::JobTemplate',
  'AWS::IoT::Policy',
  'AWS::IoT::RoleAlias',
  'AWS::IoT::Thing',
  'AWS::IoT::ThingType',
  'AWS::KMS::Alias',
  'AWS::KMS::Key',
  'AWS::Kinesis::Stream',
  'AWS::Lambda::EventSourceMapping',
  'AWS::Lambda::Function',
  'AWS::Lambda::LayerVersion',
  'AWS::Lambda::Permission',
  'AWS::Lambda::Version',
  'AWS::Logs::LogGroup',
  'AWS::Logs::ResourcePolicy',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBParameterGroup',
  'AWS::RDS::DBSecurityGroup',
  'AWS::RDS::DBSubnetGroup',
  'AWS::Redshift::Cluster',
  'AWS::Redshift::ClusterParameterGroup',
  'AWS::Redshift::ClusterSubnetGroup',
  'AWS::Route53::HealthCheck',
  'AWS::Route53::HostedZone',
  'AWS::Route53::RecordSet',
  'AWS::Route53::RecordSetGroup',
  'AWS::S3::Bucket',
  'AWS::SERVICE::RESOURCE',
  'AWS::SNS::Topic',
  'AWS::SQS::Queue',
  'AWS::SSM::Document',
  'AWS::SSM::Parameter',
  'AWS::SageMaker::Endpoint',
  'AWS::SageMaker::EndpointConfig',
  'AWS::SageMaker::Model',
  'AWS::SageMaker::NotebookInstance',
  'AWS::SageMaker::NotebookInstanceLifecycleConfig',
  'AWS::StepFunctions::StateMachine',
]);

/**
 * Whether moto creates this resource as the local deploy sends it. KMS keys are rewritten for it
 * (moto-kms.ts); a key whose policy cannot be, and its aliases, moto creates but cannot describe.
 */
function createdLocally(resource: { Type: string; Properties?: Record<string, unknown> }): boolean {
  if (!MOTO_TYPES.has(resource.Type)) return false;
  if (resource.Type === 'AWS::KMS::Key') return keyForMoto(resource.Properties ?? {}) !== undefined;
  return true;
}

/** Types of these templates that the local endpoint will not create, with how many of each. */
export function skippedLocally(
  templates: { Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }> }[],
): [string, number][] {
  const counts = new Map<string, number>();
  for (const t of templates)
    for (const r of Object.values(t.Resources ?? {}))
      if (!createdLocally(r)) counts.set(r.Type, (counts.get(r.Type) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * A template as the local endpoint can take it: moto skips the resources it does not create, then
 * refuses the template when another resource of the same stack reads an attribute of one
 * ("Template error: instance of Fn::GetAtt references undefined resource"). Such a read becomes a
 * string that says so; nothing exists to read on moto. No template of the reference platform has
 * such a read any more (the cache's endpoint crosses stacks as a link parameter, which
 * local-outputs.ts fills in), but a stack that reads an attribute of a resource moto skips beside
 * it would need it (an alias record to an API Gateway domain name). Templates without such reads
 * or KMS keys come back unchanged. An output reading a skipped resource is no problem: moto computes no outputs.
 * KMS keys are rewritten as moto can make them (moto-kms.ts).
 */
export function forMoto(body: string): string {
  const template = JSON.parse(body) as { Resources?: Record<string, { Type: string; Properties?: object }> };
  const keys = Object.entries(template.Resources ?? {}).filter(([, r]) => r.Type === 'AWS::KMS::Key');
  for (const [id, key] of keys) {
    const properties = keyForMoto((key.Properties ?? {}) as Record<string, unknown>);
    if (properties) template.Resources![id] = { ...key, Properties: properties };
  }
  const skipped = new Set(
    Object.entries(template.Resources ?? {})
      .filter(([, r]) => !MOTO_TYPES.has(r.Type))
      .map(([id]) => id),
  );
  let changed = keys.length > 0;
  if (skipped.size === 0 && !changed) return body;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== 'object') return value;
    const getAtt = (value as Record<string, unknown>)['Fn::GetAtt'];
    if (Array.isArray(getAtt) && skipped.has(String(getAtt[0]))) {
      changed = true;
      return `not-created-locally:${getAtt.join('.')}`;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
  };
  const resources = Object.fromEntries(
    Object.entries(template.Resources ?? {}).map(([id, r]) => [id, skipped.has(id) ? r : walk(r)]),
  );
  return changed ? JSON.stringify({ ...template, Resources: resources }) : body;
}
