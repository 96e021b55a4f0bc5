/**
 * What functions may do with a workflow: `workflows: {trade-lifecycle: start}`. The function
 * gets WORKFLOW_<NAME> (the state machine's ARN, built from its name, so no stack depends on
 * another) and states:StartExecution on exactly that ARN; for an express workflow also
 * StartSyncExecution (start and wait for the result).
 */
import { names, pascal } from '../../naming/ids.js';
import type { Reference, Usable } from '../section.js';
import { stateMachineArn, startActions } from './start.js';

export const workflowUsable: Usable = {
  service: 'states',
  access: { enum: ['start'] },
  description:
    'Workflows the code starts: start; `{access, variable}` renames the variable. Each becomes a WORKFLOW_<NAME> variable (the state machine ARN) and states:StartExecution on that workflow only (and states:StartSyncExecution for an express workflow).',
  example: { 'trade-lifecycle': 'start' },
  variable: (name) => names.variable('WORKFLOW', name),
  holds: 'the ARN of workflow',
  value: (name, { env }) => stateMachineArn(env.name, name),
  statements: ({ name }: Reference, { spec, env }) => [
    {
      Sid: `Workflow${pascal(name)}Start`,
      Effect: 'Allow',
      Action: startActions(spec, name),
      Resource: [stateMachineArn(env.name, name)],
    },
  ],
};
