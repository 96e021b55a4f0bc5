/**
 * The backup vault (data layer: recovery points are data), encrypted with a key of its own and
 * kept in protected environments, with the checks on where its copies go.
 */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Environment } from '../../environment/model.js';
import { ids, names } from '../../naming/ids.js';
import { accountAdministersKey, Fn, keptWhenProtected } from '../../output/cfn.js';
import type { PlacedResource } from '../../output/fragment.js';
import { VAULT_ARN } from './settings.js';

export function vault(env: Environment, project: string, tags: Record<string, string>): PlacedResource[] {
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
          Statement: [accountAdministersKey()],
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
export function copyProblem(env: Environment): Diagnostic[] {
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
