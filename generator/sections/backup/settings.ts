/** The backup's part of environments/<name>.yaml: how often, how long, and where copies go. */
import { integer, settings, type JsonSchema } from '../../schema/json-schema.js';

export type BackupFrequency = 'hourly' | 'daily';

export interface BackupSettings {
  schedules: BackupFrequency[];
  retentionDays: number;
  copyTo?: string;
  lock: boolean;
}

declare module '../../environment/model.js' {
  interface SectionSettings {
    backup: BackupSettings;
  }
}

/** A backup vault's ARN: the region is its fourth part. */
export const VAULT_ARN =
  '^arn:aws[a-z-]*:backup:([a-z]{2}(-gov)?-[a-z]+-\\d):\\d{12}:backup-vault:[A-Za-z0-9_-]{2,50}$';

export const backupSettingsSchema: JsonSchema = settings(
  'AWS Backup of the tables (used when the spec has a backup section).',
  {
    schedules: {
      type: 'array',
      items: { enum: ['hourly', 'daily'] },
      minItems: 1,
      uniqueItems: true,
      default: ['daily'],
      description: 'Backup rules: hourly (at minute 0) and/or daily (03:00 UTC), each a recovery point per table.',
      examples: [['hourly', 'daily']],
    },
    retentionDays: integer(1, 36500, 'Days each recovery point (and its copy) is kept.', {
      default: 7,
      examples: [35],
    }),
    lock: {
      type: 'boolean',
      default: false,
      description:
        'AWS Backup Vault Lock in governance mode: no one deletes a recovery point before retentionDays (or shortens its retention) unless an IAM policy grants backup:DeleteBackupVaultLockConfiguration to remove the lock first. Compliance mode, which nobody can ever undo, is left out on purpose.',
      examples: [true],
    },
    copyTo: {
      type: 'string',
      pattern: VAULT_ARN,
      hint: 'use the ARN of a backup vault, such as arn:aws:backup:eu-west-1:123456789012:backup-vault:dr',
      description:
        'A backup vault in another region that receives a copy of every recovery point (made outside gen: an environment deploys to one region). DynamoDB copies need advanced DynamoDB backup turned on for the account.',
      examples: ['arn:aws:backup:eu-west-1:123456789012:backup-vault:production-dr'],
    },
  },
);
