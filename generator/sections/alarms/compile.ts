/** alarms -> CloudWatch alarms in the monitoring layer, all notifying the encrypted alarm topic. */
import { CloudWatchAlarm, Fn, sub } from '../../output/cfn.js';
import { fragment, inGroup, type Fragment, type PlacedResource } from '../../output/fragment.js';
import { arns, ids, names } from '../../naming/ids.js';
import { grantsFor, type CompileContext } from '../section.js';
import { projectOf } from '../project/model.js';
import { alarmsOf, thresholdFor } from './model.js';
import { evaluationRangeProblem } from './evaluation-range.js';
import { ALARM_TOPIC, alarmTopic } from './topic.js';

export function compileAlarms(ctx: CompileContext): Fragment {
  const { spec, env, registry } = ctx;
  const entries = alarmsOf(spec).items;
  const projectEntry = projectOf(spec);
  // The topic exists for the alarms, and for other sections that notify it (a budget).
  const grants = grantsFor(ctx, 'alarms', ALARM_TOPIC);
  if ((entries.length === 0 && grants.length === 0) || !projectEntry) return fragment([]);
  const project = projectEntry.value.name;
  // By its deterministic ARN rather than Ref: alarms may live in other stacks than the topic.
  const topic = sub(arns.topic(names.alarmTopic(env.name, project)));
  const alarms = entries.map(({ name, value: alarm }): PlacedResource => {
    const { type } = registry.alarmTypes.get(alarm.type)!;
    const watched = type.watches ? alarm.targets[type.watches] : undefined;
    const target = watched ?? type.subject ?? 'the project';
    // An alarm's own period and evaluation periods replace the environment's, for its recipe too.
    const ownEnv = {
      ...env,
      alarms: {
        periodSeconds: alarm.period ?? env.alarms.periodSeconds,
        evaluationPeriods: alarm.evaluationPeriods ?? env.alarms.evaluationPeriods,
      },
    };
    return {
      layer: 'monitoring',
      logicalId: ids.alarm(name),
      resource: new CloudWatchAlarm({
        AlarmName: names.alarm(env.name, name),
        AlarmDescription:
          alarm.description ??
          `${alarm.type} of ${target}: ${alarm.statistic && type.describe ? type.describe(alarm.statistic) : type.about} at or above the threshold (${type.unit})`,
        Metrics: type.metrics(watched, {
          spec,
          env: ownEnv,
          statistic: alarm.statistic ?? type.statistics?.[0],
        }) as never[],
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Threshold: thresholdFor(alarm, env.name, type.defaultThreshold),
        EvaluationPeriods: ownEnv.alarms.evaluationPeriods,
        DatapointsToAlarm: ownEnv.alarms.evaluationPeriods,
        TreatMissingData: 'notBreaching',
        AlarmActions: [topic],
        OKActions: [topic],
      }),
    };
  });
  const compiled = fragment(
    [...inGroup(ids.alarmTopic(), alarmTopic(env, project, grants)), ...alarms],
    [
      {
        layer: 'monitoring',
        group: ids.alarmTopic(),
        name: 'AlarmTopicArn',
        description: 'SNS topic the alarms notify; subscribe people here',
        value: Fn.Ref(ids.alarmTopic()),
      },
    ],
  );
  return { ...compiled, diagnostics: entries.flatMap((entry) => evaluationRangeProblem(entry, env)) };
}
