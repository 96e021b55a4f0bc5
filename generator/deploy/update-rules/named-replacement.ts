/**
 * GEN702: a replacement that keeps a custom name. CloudFormation makes the new resource before it
 * deletes the old one, so it refuses "an update that causes a custom-named resource to be
 * replaced. If you must replace the resource, specify a new name" (CloudFormation User Guide,
 * "Name type"). The data guard (guard.ts) already refuses this for data; this rule covers the
 * named resources that hold none: a function switched between a zip and a container image, a
 * state machine switched between STANDARD and EXPRESS, a repository's encryption changed, a
 * security group's description changed, a schedule moved to another group...
 */
import { NAME_PROPERTIES } from '../replacements.js';
import { same, type UpdateRule } from './rule.js';

/** The property that names each type gen emits (or the sections in progress emit) that is not data. */
export const NAMED_TYPES: Record<string, string> = {
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::Events::EventBus': 'Name',
  'AWS::Events::Rule': 'Name',
  'AWS::Events::Archive': 'ArchiveName',
  'AWS::Scheduler::Schedule': 'Name',
  'AWS::Scheduler::ScheduleGroup': 'Name',
  'AWS::CloudWatch::Alarm': 'AlarmName',
  'AWS::CloudWatch::Dashboard': 'DashboardName',
  'AWS::KMS::Alias': 'AliasName',
  'AWS::StepFunctions::StateMachine': 'StateMachineName',
  'AWS::ECR::Repository': 'RepositoryName',
  'AWS::EC2::SecurityGroup': 'GroupName',
  'AWS::ApplicationAutoScaling::ScalingPolicy': 'PolicyName',
};

const show = (name: unknown) => (typeof name === 'string' ? name : JSON.stringify(name));

export const namedReplacement: UpdateRule = {
  code: 'GEN702',
  title: 'a resource that keeps its custom name would be replaced (CloudFormation refuses)',
  source: 'CloudFormation User Guide, "Name type": a custom-named resource cannot be replaced',
  needsImpacts: true,
  check: ({ deployed, next, impacts }) =>
    [...impacts].flatMap(([logicalId, { impact, type }]) => {
      const property = NAMED_TYPES[type];
      if (!property || NAME_PROPERTIES[type] || (impact !== 'replace' && impact !== 'may-replace')) return [];
      const [before, after] = [deployed.Resources?.[logicalId], next.Resources?.[logicalId]];
      const name = after?.Properties?.[property];
      if (name === undefined || !same(before?.Properties?.[property], name)) return [];
      const changed = Object.keys({ ...before?.Properties, ...after?.Properties })
        .filter((key) => !same(before?.Properties?.[key], after?.Properties?.[key]))
        .sort();
      return [
        {
          code: 'GEN702',
          severity: impact === 'replace' ? 'error' : 'warning',
          logicalId,
          message: `${logicalId} (${type}) ${impact === 'replace' ? 'would be' : 'may be'} replaced (${changed.join(', ')} changed) while keeping its name '${show(name)}': CloudFormation on AWS refuses to replace a resource with a custom name`,
          fix: `deploy the change under a new name (rename the item in the spec: the new one is created beside the old one, which is then removed), or undo the change to ${changed.join(', ')}`,
        },
      ];
    }),
};
