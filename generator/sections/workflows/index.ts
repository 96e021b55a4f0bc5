/** workflows: Step Functions state machines (standard or express) whose states invoke functions, or a full state-language file. */
import { ids } from '../../naming/ids.js';
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import type { Section } from '../section.js';
import { workflowAlarmTypes } from './alarms.js';
import { checkWorkflows } from './check.js';
import { compileWorkflows, definitionFor } from './compile.js';
import { workflowsDashboard } from './dashboard.js';
import { workflowsGraph } from './graph.js';
import { normalizeWorkflow, workflowsOf } from './model.js';
import { workflowSchema } from './schema.js';
import { workflowUsable } from './usable.js';

export const workflowsSection: Section = {
  key: 'workflows',
  kind: 'map',
  schema: workflowSchema,
  // <environment>-<name> must fit Step Functions' 80 characters; checked per environment.
  names: { pattern: KEBAB_NAME, noun: 'workflow', hint: KEBAB_HINT, maxLength: 60 },
  normalize: normalizeWorkflow,
  check: checkWorkflows,
  compile: compileWorkflows,
  // Each state machine's execution log.
  statefulTypes: ['AWS::Logs::LogGroup'],
  layers: [{ name: 'app', after: 'data', purpose: 'functions, their roles and log groups' }],
  usable: workflowUsable,
  alarmTypes: workflowAlarmTypes,
  graph: workflowsGraph,
  dashboard: workflowsDashboard,
  // Rule findings on a workflow's resources (GEN-G6: logs off, no tracing) point at the workflow.
  locate: (spec, logicalId) => {
    const entry = workflowsOf(spec).items.find(({ name }) =>
      [ids.stateMachine(name), ids.stateMachineRole(name), ids.stateMachineLogGroup(name)].includes(logicalId),
    );
    return entry && { file: entry.file, path: entry.path, at: 'key' };
  },
  // Functions its states invoke count as used (GEN-P5).
  invokes: (spec) =>
    workflowsOf(spec).items.flatMap(({ value }) => definitionFor(spec.specDir, value)?.functions ?? []),
};
