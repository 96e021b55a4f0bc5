/**
 * What a state machine's role may do: be assumed by Step Functions for this account only,
 * invoke exactly the functions its states name, deliver its logs, and trace.
 */
import type { Environment } from '../../environment/model.js';
import { arns, names } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import { byName, type Spec } from '../../spec.js';
import { usesAlias } from '../functions/invoke.js';
import { functionsOf } from '../functions/model.js';

export const TRUST = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'states.amazonaws.com' },
      Action: 'sts:AssumeRole',
      // Only state machines of this account may use the role (confused deputy).
      Condition: { StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') } },
    },
  ],
};

/**
 * Each function's ARN; a function kept warm is invoked through its `live` alias, so its
 * qualified ARNs (`:*`) too. Step Functions checks lambda:InvokeFunction on the ARN it calls.
 */
export function invokeStatement(spec: Spec, env: Environment, functions: string[]) {
  const resources = functions.flatMap((name) => {
    const arn = arns.function(names.function(env.name, name));
    const fn = byName(functionsOf(spec), name)?.value;
    return fn && usesAlias(fn, env) ? [sub(arn), sub(`${arn}:*`)] : [sub(arn)];
  });
  return { Sid: 'InvokeFunctions', Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: resources };
}

/**
 * Step Functions delivers logs through CloudWatch Logs' vended-log deliveries: these actions
 * take no resource-level permissions (AWS documents `*`). Writing the log events is scoped to
 * the workflow's own group.
 */
export const logStatements = (logGroupName: string) => [
  {
    Sid: 'LogDelivery',
    Effect: 'Allow',
    Action: [
      'logs:CreateLogDelivery',
      'logs:DeleteLogDelivery',
      'logs:DescribeLogGroups',
      'logs:DescribeResourcePolicies',
      'logs:GetLogDelivery',
      'logs:ListLogDeliveries',
      'logs:PutResourcePolicy',
      'logs:UpdateLogDelivery',
    ],
    Resource: '*',
  },
  {
    Sid: 'Logs',
    Effect: 'Allow',
    Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    Resource: [sub(`${arns.logGroup(logGroupName)}:*`)],
  },
];

/** X-Ray has no resource-level permissions: AWS documents `*` as the only resource. */
export const TRACING_STATEMENT = {
  Sid: 'Tracing',
  Effect: 'Allow',
  Action: ['xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'],
  Resource: '*',
};
