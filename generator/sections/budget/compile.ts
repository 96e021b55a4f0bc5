/**
 * budget -> one AWS::Budgets::Budget per environment (monitoring layer, in the alarm topic's group)
 * whose notifications go to the alarm topic. The topic's policy and key admit Budgets through the
 * grant below (Cost Management user guide, "Creating an Amazon SNS topic for budget notifications").
 */
import { arns, ids, names } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import { fragment, type Fragment } from '../../output/fragment.js';
import { platformTags } from '../../output/tags.js';
import { ALARM_TOPIC } from '../alarms/topic.js';
import { projectOf } from '../project/model.js';
import type { CompileContext, PolicyGrant } from '../section.js';
import { budgetOf } from './model.js';

/**
 * Any budget of this account, as AWS documents the condition: a budget's own ARN is not
 * documented as the source Budgets sends, and a mismatch would silently drop every alert.
 */
export function budgetGrants({ spec }: CompileContext): PolicyGrant[] {
  if (!budgetOf(spec) || !projectOf(spec)) return [];
  return [
    {
      section: 'alarms',
      name: ALARM_TOPIC,
      sid: 'budget-notifications',
      service: 'budgets.amazonaws.com',
      actions: ['sns:Publish'],
      sourceArn: sub('arn:${AWS::Partition}:budgets::${AWS::AccountId}:*'),
    },
  ];
}

export function compileBudget({ spec, env }: CompileContext): Fragment {
  const budget = budgetOf(spec);
  const project = projectOf(spec);
  if (!budget || !project) return fragment([]);
  const topic = sub(arns.topic(names.alarmTopic(env.name, project.value.name)));
  return fragment([
    {
      layer: 'monitoring',
      logicalId: ids.budget(),
      // With the topic and its policy: Budgets checks that it may publish when the budget is created.
      group: ids.alarmTopic(),
      resource: {
        Type: 'AWS::Budgets::Budget',
        DependsOn: [ids.alarmTopicPolicy()],
        Properties: {
          Budget: {
            BudgetName: names.budget(env.name, project.value.name),
            BudgetType: 'COST',
            TimeUnit: 'MONTHLY',
            BudgetLimit: { Amount: env.budget.monthlyAmount, Unit: 'USD' },
          },
          NotificationsWithSubscribers: budget.value.alerts.map((alert) => ({
            Notification: {
              NotificationType: alert.of === 'actual' ? 'ACTUAL' : 'FORECASTED',
              ComparisonOperator: 'GREATER_THAN',
              Threshold: alert.at,
              ThresholdType: 'PERCENTAGE',
            },
            Subscribers: [{ SubscriptionType: 'SNS', Address: topic }],
          })),
          // Budgets takes tags under its own key, so output/tags.ts does not add them.
          ResourceTags: platformTags(project.value, env),
        },
      },
    },
  ]);
}
