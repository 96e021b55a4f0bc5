/**
 * GEN-P11, design property 11. Why: an alarm without an action changes colour on a console nobody
 * watches; notifying an SNS topic is what reaches people (email, SMS, chat) and other systems. The
 * topic may be in this stack (Ref) or anywhere by its ARN, as gen's alarms name the alarm topic.
 */
import { literal, references, resourcesOf, type Rule } from '../rule.js';

export const alarmActions: Rule = {
  id: 'GEN-P11',
  name: 'alarm-actions',
  property: 11,
  scope: 'stack',
  title: 'CloudWatch alarm actions',
  description: 'Every alarm has at least one action, and it notifies an SNS topic.',
  fix: 'set AlarmActions to the alarm topic',
  check: (template) =>
    resourcesOf(template, 'AWS::CloudWatch::Alarm').flatMap(([id, r]) => {
      const actions = [r.Properties?.AlarmActions ?? []].flat();
      const toTopic = actions.some(
        (a: unknown) =>
          [...references(a)].some((ref) => template.Resources[ref]?.Type === 'AWS::SNS::Topic') ||
          /:sns:/.test(literal(a) ?? ''),
      );
      return toTopic
        ? []
        : [
            {
              resource: id,
              message: actions.length === 0 ? 'has no alarm action' : 'no alarm action notifies an SNS topic',
            },
          ];
    }),
};
