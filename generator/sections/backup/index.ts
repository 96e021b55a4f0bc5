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
  statefulTypes: ['AWS::Backup::BackupVault'],
  environment: backupSettingsSchema,
  graph: backupGraph,
};
