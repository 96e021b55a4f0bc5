/** functions: Lambda functions with their code, sizing and what they use of other sections. */
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import type { Section } from '../section.js';
import { functionsDashboard } from './dashboard.js';
import { functionAlarmTypes } from './alarms.js';
import { checkFunctions } from './check.js';
import { compileFunctions } from './compile.js';
import { functionsGraph } from './graph.js';
import { normalizeFunction } from './model.js';
import { functionSchema } from './schema.js';
import { functionSettingsSchema } from './settings.js';

export const functionsSection: Section = {
  key: 'functions',
  kind: 'map',
  schema: functionSchema,
  // <environment>-<name> must fit Lambda's 64-character function names.
  names: { pattern: KEBAB_NAME, noun: 'function', hint: KEBAB_HINT, maxLength: 40, unknown: 'GEN302' },
  normalize: normalizeFunction,
  check: checkFunctions,
  compile: compileFunctions,
  layers: [{ name: 'app', after: 'data', purpose: 'functions, their roles and log groups' }],
  // Container-image functions keep their images in an ECR repository (data layer); each function its log group.
  statefulTypes: ['AWS::ECR::Repository', 'AWS::Logs::LogGroup'],
  environment: functionSettingsSchema,
  alarmTypes: functionAlarmTypes,
  graph: functionsGraph,
  dashboard: functionsDashboard,
};
