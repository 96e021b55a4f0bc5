/**
 * backup -> an encrypted vault with its own key (data layer: recovery points are data) and a plan,
 * a selection of the tables and the role AWS Backup works with (monitoring layer). The plan finds
 * the vault by name, so nothing crosses stacks but names.
 */
import { arns, ids, names } from '../../naming/ids.js';
import { Fn, sub } from '../../output/cfn.js';
import { fragment, type Fragment, type PlacedResource } from '../../output/fragment.js';
import { platformTags } from '../../output/tags.js';
import { projectOf } from '../project/model.js';
import type { CompileContext } from '../section.js';
import { backupOf, selectedTables } from './model.js';
import { copyProblem, vault } from './vault.js';
import type { BackupFrequency } from './settings.js';

/** Minute 0 of every hour; 03:00 UTC daily, outside European and American working hours. */
const SCHEDULES: Record<BackupFrequency, string> = {
  hourly: 'cron(0 * ? * * *)',
  daily: 'cron(0 3 ? * * *)',
};
const MANAGED_POLICIES = ['AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForRestores'];

const tagMap = (tags: { Key: string; Value: string }[]) => Object.fromEntries(tags.map((t) => [t.Key, t.Value]));

export function compileBackup({ spec, env }: CompileContext): Fragment {
  const backup = backupOf(spec);
  const project = projectOf(spec);
  if (!backup || !project) return fragment([]);
  const tables = selectedTables(spec, backup.value);
  if (tables.length === 0) return fragment([]);
  const name = project.value.name;
  const tags = tagMap(platformTags(project.value, env));
  const lifecycle = { DeleteAfterDays: env.backup.retentionDays };
  const monitoring = (logicalId: string, resource: object): PlacedResource => ({
    layer: 'monitoring',
    logicalId,
    resource,
    group: ids.backupPlan(),
  });
  const resources: PlacedResource[] = [
    ...vault(env, name, tags),
    monitoring(ids.backupRole(), {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: `AWS Backup backs up and restores the ${env.name} tables of ${name}`,
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        ManagedPolicyArns: MANAGED_POLICIES.map((p) => sub(`arn:\${AWS::Partition}:iam::aws:policy/service-role/${p}`)),
      },
    }),
    monitoring(ids.backupPlan(), {
      Type: 'AWS::Backup::BackupPlan',
      Properties: {
        BackupPlan: {
          BackupPlanName: names.backupPlan(env.name, name),
          BackupPlanRule: env.backup.schedules.map((frequency) => ({
            RuleName: frequency,
            TargetBackupVault: names.backupVault(env.name, name),
            ScheduleExpression: SCHEDULES[frequency],
            StartWindowMinutes: 60,
            CompletionWindowMinutes: 180,
            Lifecycle: lifecycle,
            ...(env.backup.copyTo
              ? { CopyActions: [{ DestinationBackupVaultArn: env.backup.copyTo, Lifecycle: lifecycle }] }
              : {}),
          })),
        },
        BackupPlanTags: tags,
      },
    }),
    monitoring(ids.backupSelection(), {
      Type: 'AWS::Backup::BackupSelection',
      Properties: {
        BackupPlanId: Fn.Ref(ids.backupPlan()),
        BackupSelection: {
          SelectionName: names.backupSelection(env.name, name),
          IamRoleArn: Fn.GetAtt(ids.backupRole(), 'Arn'),
          Resources: tables.map((t) => sub(arns.table(names.table(env.name, t)))),
        },
      },
    }),
  ];
  return { ...fragment(resources), diagnostics: copyProblem(env) };
}
