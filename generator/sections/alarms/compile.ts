/** alarms -> CloudWatch alarms in the monitoring layer, all notifying the encrypted alarm topic. */
import { CloudWatchAlarm, Fn, sub } from '../../output/cfn.js';
import { fragment, inGroup, type Fragment, type PlacedResource } from '../../output/fragment.js';
import { arns, ids, names } from '../../naming/ids.js';
import type { CompileContext } from '../section.js';
import { alarmMetrics } from './metrics.js';
import { ALARM_TYPES, thresholdFor } from './model.js';
import { alarmTopic } from './topic.js';

export function compileAlarms({ spec, env }: CompileContext): Fragment {
  if (spec.alarms.items.length === 0 || !spec.project) return fragment([]);
  const project = spec.project.value.name;
  // By its deterministic ARN rather than Ref: alarms may live in other stacks than the topic.
  const topic = sub(arns.topic(names.alarmTopic(env.name, project)));
  const alarms = spec.alarms.items.map(({ name, value: alarm }): PlacedResource => {
    const type = ALARM_TYPES[alarm.type];
    const target = alarm.function ?? alarm.table ?? 'the API';
    return {
      layer: 'monitoring',
      logicalId: ids.alarm(name),
      resource: new CloudWatchAlarm({
        AlarmName: names.alarm(env.name, name),
        AlarmDescription: alarm.description ?? `${alarm.type} of ${target}: ${type.about} at or above the threshold (${type.unit})`,
        Metrics: alarmMetrics(alarm, env, names.api(env.name, project)),
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Threshold: thresholdFor(alarm, env.name),
        EvaluationPeriods: env.alarms.evaluationPeriods,
        DatapointsToAlarm: env.alarms.evaluationPeriods,
        TreatMissingData: 'notBreaching',
        AlarmActions: [topic],
        OKActions: [topic],
      }),
    };
  });
  return fragment([...inGroup(ids.alarmTopic(), alarmTopic(env, project)), ...alarms], [
    { layer: 'monitoring', group: ids.alarmTopic(), name: 'AlarmTopicArn', description: 'SNS topic the alarms notify; subscribe people here', value: Fn.Ref(ids.alarmTopic()) },
  ]);
}
