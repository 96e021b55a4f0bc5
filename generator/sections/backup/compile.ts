/**
 * backup -> an encrypted vault with its own key (data layer: recovery points are data) and a plan,
 * a selection of the tables and the role AWS Backup works with (monitoring layer). The plan finds
 * the vault by name, so nothing crosses stacks but names.
 */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Environment } from '../../environment/model.js';
import { arns, ids, names } from '../../naming/ids.js';
import { Fn, keptWhenProtected, sub } from '../../output/cfn.js';
import { fragment, type Fragment, type PlacedResource } from '../../output/fragment.js';
import { platformTags } from '../../output/tags.js';
import { projectOf } from '../project/model.js';
import type { CompileContext } from '../section.js';
import { backupOf, selectedTables } from './model.js';
import { VAULT_ARN, type BackupFrequency } from './settings.js';

/** Minute 0 of every hour; 03:00 UTC daily, outside European and American working hours. */
const SCHEDULES: Record<BackupFrequency, string> = {
  hourly: 'cron(0 * ? * * *)',
  daily: 'cron(0 3 ? * * *)',
};
const MANAGED_POLICIES = ['AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForRestores'];

const tagMap = (tags: { Key: string; Value: string }[]) => Object.fromEntries(tags.map((t) => [t.Key, t.Value]));

function vault(env: Environment, project: string, tags: Record<string, string>): PlacedResource[] {
  const data = (logicalId: string, resource: object): PlacedResource => ({
    layer: 'data',
    logicalId,
    resource,
    group: ids.backupVault(),
  });
  return [
    data(ids.backupVaultKey(), {
      Type: 'AWS::KMS::Key',
      ...keptWhenProtected(env.protected),
      Properties: {
        Description: `Encrypts the ${env.name} backups of ${project}`,
        EnableKeyRotation: true,
        KeyPolicy: {
          Version: '2012-10-17',
          Statement: [
            // The account administers the key through IAM; AWS Backup uses it through its role's grants.
            {
              Sid: 'AccountAdministers',
              Effect: 'Allow',
              Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') },
              Action: 'kms:*',
              Resource: '*',
            },
          ],
        },
      },
    }),
    data(ids.backupVaultKeyAlias(), {
      Type: 'AWS::KMS::Alias',
      Properties: {
        AliasName: names.backupVaultKeyAlias(env.name, project),
        TargetKeyId: Fn.Ref(ids.backupVaultKey()),
      },
    }),
    data(ids.backupVault(), {
      Type: 'AWS::Backup::BackupVault',
      ...keptWhenProtected(env.protected),
      Properties: {
        BackupVaultName: names.backupVault(env.name, project),
        EncryptionKeyArn: Fn.GetAtt(ids.backupVaultKey(), 'Arn'),
        BackupVaultTags: tags,
        // No ChangeableForDays: governance mode, which a privileged user can remove; compliance mode is irreversible.
        ...(env.backup.lock ? { LockConfiguration: { MinRetentionDays: env.backup.retentionDays } } : {}),
      },
    }),
  ];
}

/** A copy into the environment's own region is no disaster recovery: said at the setting. */
function copyProblem(env: Environment): Diagnostic[] {
  const region = env.backup.copyTo?.match(VAULT_ARN)?.[1];
  if (!region || region !== env.region) return [];
  return [
    error(
      'GEN376',
      `backup.copyTo names a vault in ${region}, the environment's own region: a copy there does not survive a regional outage`,
      { file: env.file, path: ['backup', 'copyTo'] },
      'name a vault in another region (create it there first), or remove copyTo',
    ),
  ];
}

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
