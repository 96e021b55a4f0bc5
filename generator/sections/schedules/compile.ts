/**
 * schedules -> EventBridge Scheduler schedules in one schedule group (<environment>-<project>), in
 * the triggers layer after the functions exist. Each schedule assumes its own role, trusted by
 * scheduler.amazonaws.com for this account only and allowed exactly to invoke its function or start its workflow (and
 * to send to its dead-letter queue: Scheduler delivers failed invocations with the schedule's role,
 * so the queue's policy needs no statement). The group, the schedules and their roles share one
 * placement group: the schedules name the group by Ref and their roles by GetAtt.
 */
import { ids, names } from '../../naming/ids.js';
import { Fn, IamRole, sub } from '../../output/cfn.js';
import { fragment, inGroup, type Fragment, type PlacedResource } from '../../output/fragment.js';
import type { Entry } from '../../spec.js';
import { invokeTarget } from '../functions/invoke.js';
import { queueArn } from '../events/targets.js';
import { projectOf } from '../project/model.js';
import type { CompileContext } from '../section.js';
import { stateMachineArn } from '../workflows/start.js';
import { SchedulerSchedule, SchedulerScheduleGroup } from './cfn.js';
import { enabledIn, expressionOf, schedulesOf, type Schedule } from './model.js';

const TRUST = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'scheduler.amazonaws.com' },
      Action: 'sts:AssumeRole',
      // Only schedules of this account may use the role (confused deputy).
      Condition: { StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') } },
    },
  ],
};

function compileSchedule(ctx: CompileContext, entry: Entry<Schedule>): PlacedResource[] {
  const { spec, env } = ctx;
  const { name, value: schedule } = entry;
  const scheduleName = names.schedule(env.name, name);
  // A workflow is a templated target of Scheduler: StartExecution with the schedule's input.
  const target =
    schedule.function !== undefined
      ? sub(invokeTarget(spec, env, schedule.function))
      : stateMachineArn(env.name, schedule.workflow!);
  const deadLetterQueue =
    schedule.deadLetterQueue === undefined ? undefined : queueArn(spec, env.name, schedule.deadLetterQueue);
  const role = new IamRole({
    AssumeRolePolicyDocument: TRUST,
    Description:
      schedule.function !== undefined
        ? `Lets schedule ${scheduleName} invoke function ${names.function(env.name, schedule.function)}`
        : `Lets schedule ${scheduleName} start workflow ${names.stateMachine(env.name, schedule.workflow!)}`,
    Policies: [
      {
        PolicyName: 'schedule',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            schedule.function !== undefined
              ? { Sid: 'Invoke', Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: [target] }
              : { Sid: 'StartWorkflow', Effect: 'Allow', Action: ['states:StartExecution'], Resource: [target] },
            ...(deadLetterQueue
              ? [{ Sid: 'DeadLetterQueue', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [deadLetterQueue] }]
              : []),
          ],
        },
      },
    ],
  });
  const retry = {
    ...(schedule.retries !== undefined ? { MaximumRetryAttempts: schedule.retries } : {}),
    ...(schedule.maxEventAgeSeconds !== undefined ? { MaximumEventAgeInSeconds: schedule.maxEventAgeSeconds } : {}),
  };
  const resource = new SchedulerSchedule({
    Name: scheduleName,
    GroupName: Fn.Ref(ids.scheduleGroup()),
    ...(schedule.description !== undefined ? { Description: schedule.description } : {}),
    ScheduleExpression: expressionOf(schedule),
    ...(schedule.timezone !== undefined ? { ScheduleExpressionTimezone: schedule.timezone } : {}),
    FlexibleTimeWindow:
      schedule.windowMinutes !== undefined
        ? { Mode: 'FLEXIBLE', MaximumWindowInMinutes: schedule.windowMinutes }
        : { Mode: 'OFF' },
    State: enabledIn(schedule, env.name) ? 'ENABLED' : 'DISABLED',
    Target: {
      Arn: target,
      RoleArn: Fn.GetAtt(ids.scheduleRole(name), 'Arn'),
      ...(schedule.input !== undefined ? { Input: JSON.stringify(schedule.input) } : {}),
      ...(Object.keys(retry).length > 0 ? { RetryPolicy: retry } : {}),
      ...(deadLetterQueue ? { DeadLetterConfig: { Arn: deadLetterQueue } } : {}),
    },
  } as never);
  return [
    { layer: 'triggers', logicalId: ids.scheduleRole(name), resource: role },
    { layer: 'triggers', logicalId: ids.schedule(name), resource },
  ];
}

export function compileSchedules(ctx: CompileContext): Fragment {
  const entries = schedulesOf(ctx.spec).items;
  const project = projectOf(ctx.spec);
  if (entries.length === 0 || !project) return fragment([]);
  return fragment(
    inGroup(ids.scheduleGroup(), [
      {
        layer: 'triggers',
        logicalId: ids.scheduleGroup(),
        resource: new SchedulerScheduleGroup({ Name: names.scheduleGroup(ctx.env.name, project.value.name) }),
      },
      ...entries.flatMap((entry) => compileSchedule(ctx, entry)),
    ]),
  );
}
