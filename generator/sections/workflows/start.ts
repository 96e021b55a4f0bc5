/**
 * The public face of workflows for whatever starts them (functions, event rules, schedules):
 * the state machine's ARN, built from its name so no stack depends on another, and a role a
 * service assumes to start exactly that workflow. Starters import this file, never the
 * workflows' compile step.
 */
import { arns, names } from '../../naming/ids.js';
import { IamRole, sub } from '../../output/cfn.js';
import { byName, type Spec } from '../../spec.js';
import { workflowsOf } from './model.js';

export const stateMachineArn = (env: string, workflow: string) =>
  sub(arns.stateMachine(names.stateMachine(env, workflow)));

/** Starting, and for an express workflow starting and waiting for the result (StartSyncExecution). */
export const startActions = (spec: Spec, workflow: string) =>
  byName(workflowsOf(spec), workflow)?.value.type === 'express'
    ? ['states:StartExecution', 'states:StartSyncExecution']
    : ['states:StartExecution'];

/** A role `service` (events.amazonaws.com, scheduler.amazonaws.com) of this account assumes to start one workflow. */
export const startRole = (service: string, description: string, env: string, workflow: string) =>
  new IamRole({
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: service },
          Action: 'sts:AssumeRole',
          // Only this account's rules and schedules may use the role (confused deputy).
          Condition: { StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') } },
        },
      ],
    },
    Description: description,
    Policies: [
      {
        PolicyName: 'start-workflow',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'StartWorkflow',
              Effect: 'Allow',
              Action: ['states:StartExecution'],
              Resource: [stateMachineArn(env, workflow)],
            },
          ],
        },
      },
    ],
  });
