/**
 * The four platform tags on every resource type that accepts tags. One place applies them, so
 * no section can forget. The list is CloudFormation's own (`tagging.taggable` in the resource
 * schemas) for the types gen emits; the platform rules check the result on any template.
 */
import type { Environment } from '../environment/model.js';
import type { Merged } from './merge.js';
import { byText } from '../order.js';

export const TAGGABLE_TYPES = new Set([
  'AWS::Lambda::EventSourceMapping',
  'AWS::DynamoDB::Table',
  'AWS::Lambda::Function',
  'AWS::IAM::Role',
  'AWS::Logs::LogGroup',
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGateway::Stage',
  'AWS::CloudWatch::Alarm',
  'AWS::SNS::Topic',
  'AWS::KMS::Key',
  'AWS::S3::Bucket',
  'AWS::SQS::Queue',
  'AWS::SecretsManager::Secret',
  'AWS::StepFunctions::StateMachine',
  'AWS::Events::EventBus',
  'AWS::EC2::VPC',
  'AWS::EC2::Subnet',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::NatGateway',
  'AWS::EC2::InternetGateway',
  'AWS::EC2::RouteTable',
  'AWS::EC2::EIP',
  'AWS::EC2::VPCEndpoint',
  'AWS::ECR::Repository',
  'AWS::Events::Rule',
  'AWS::Scheduler::ScheduleGroup',
  'AWS::Timestream::Database',
  'AWS::Timestream::Table',
  'AWS::WAFv2::WebACL',
  'AWS::CertificateManager::Certificate',
  'AWS::CloudFront::Distribution',
  'AWS::ApiGateway::DomainName',
  'AWS::Logs::DeliverySource',
  'AWS::Logs::DeliveryDestination',
  'AWS::Logs::Delivery',
]);

export const REQUIRED_TAG_KEYS = ['CostCenter', 'Environment', 'Owner', 'Project'] as const;

/** The project's identity as tags need it (the project section's model has this shape). */
export interface Owner {
  name: string;
  owner: string;
  costCenter: string;
}

export function platformTags(project: Owner, env: Environment): { Key: string; Value: string }[] {
  const values: Record<(typeof REQUIRED_TAG_KEYS)[number], string> = {
    CostCenter: project.costCenter,
    Environment: env.name,
    Owner: project.owner,
    Project: project.name,
  };
  return REQUIRED_TAG_KEYS.map((Key) => ({ Key, Value: values[Key] }));
}

export function applyTags(merged: Merged, tags: { Key: string; Value: string }[]): void {
  for (const { resource } of merged.resources.values()) {
    const r = resource as { Type: string; Properties?: Record<string, unknown> };
    if (!TAGGABLE_TYPES.has(r.Type)) continue;
    r.Properties ??= {};
    const own = (r.Properties.Tags as { Key: string; Value: string }[] | undefined) ?? [];
    const keys = new Set(own.map((t) => t.Key));
    r.Properties.Tags = [...own, ...tags.filter((t) => !keys.has(t.Key))].sort((a, b) => byText(a.Key, b.Key));
  }
}
