/** backup: AWS Backup of the tables, with frequency, retention and copies from the environment file. */
import type { Section } from '../section.js';
import { backupGraph } from './graph.js';
import { checkBackup } from './check.js';
import { compileBackup } from './compile.js';
import { normalizeBackup } from './model.js';
import { backupSchema } from './schema.js';
import { backupSettingsSchema } from './settings.js';

export const backupSection: Section = {
  key: 'backup',
  kind: 'single',
  schema: backupSchema,
  normalize: normalizeBackup,
  check: checkBackup,
  compile: compileBackup,
  // Recovery points (deleting the vault, which must be empty first, or its key loses every backup).
  statefulTypes: ['AWS::Backup::BackupVault', 'AWS::KMS::Key'],
  environment: backupSettingsSchema,
  graph: backupGraph,
};
