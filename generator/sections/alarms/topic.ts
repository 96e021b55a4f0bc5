/**
 * The alarm topic: SNS encrypted with its own rotating KMS key; only CloudWatch of this account
 * may publish, and the AWS services other sections name (Budgets), each for its own sources.
 */
import {
  accountAdministersKey,
  Fn,
  KmsAlias,
  KmsKey,
  SnsTopic,
  SnsTopicPolicy,
  sub,
  keptWhenProtected,
} from '../../output/cfn.js';
import type { PlacedResource } from '../../output/fragment.js';
import { ids, names, pascal } from '../../naming/ids.js';
import type { Environment } from '../../environment/model.js';
import type { PolicyGrant } from '../section.js';

const SAME_ACCOUNT = { StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') } };

/** The name other sections' grants give to the alarm topic (`{section: 'alarms', name: ALARM_TOPIC}`): no alarm can be named so. */
export const ALARM_TOPIC = '(alarm topic)';

/** An AWS service publishing to an encrypted topic needs the key too (SNS developer guide, "AWS service event sources"). */
const keyStatement = (grant: PolicyGrant) => ({
  Sid: `${pascal(grant.sid)}PublishesEncrypted`,
  Effect: 'Allow',
  Principal: { Service: grant.service },
  Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
  Resource: '*',
  Condition: { ...SAME_ACCOUNT, ArnLike: { 'aws:SourceArn': grant.sourceArn } },
});

const publishStatement = (grant: PolicyGrant) => ({
  Sid: pascal(grant.sid),
  Effect: 'Allow',
  Principal: { Service: grant.service },
  Action: grant.actions,
  Resource: Fn.Ref(ids.alarmTopic()),
  Condition: { ...SAME_ACCOUNT, ArnLike: { 'aws:SourceArn': grant.sourceArn } },
});

export function alarmTopic(env: Environment, project: string, grants: PolicyGrant[] = []): PlacedResource[] {
  const key = Object.assign(
    new KmsKey({
      Description: `Encrypts the ${env.name} alarm topic of ${project}`,
      EnableKeyRotation: true,
      KeyPolicy: {
        Version: '2012-10-17',
        Statement: [
          accountAdministersKey(),
          {
            Sid: 'CloudWatchPublishesEncrypted',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Resource: '*',
            Condition: SAME_ACCOUNT,
          },
          ...grants.map(keyStatement),
        ],
      },
    }),
    keptWhenProtected(env.protected),
  );
  const topicName = names.alarmTopic(env.name, project);
  return [
    { layer: 'monitoring', logicalId: ids.alarmKey(), resource: key },
    {
      layer: 'monitoring',
      logicalId: ids.alarmKeyAlias(),
      resource: new KmsAlias({
        AliasName: names.alarmKeyAlias(env.name, project),
        TargetKeyId: Fn.Ref(ids.alarmKey()),
      }),
    },
    {
      layer: 'monitoring',
      logicalId: ids.alarmTopic(),
      resource: new SnsTopic({
        TopicName: topicName,
        DisplayName: `${env.name} ${project} alarms`,
        KmsMasterKeyId: Fn.Ref(ids.alarmKey()),
      }),
    },
    {
      layer: 'monitoring',
      logicalId: ids.alarmTopicPolicy(),
      resource: new SnsTopicPolicy({
        Topics: [Fn.Ref(ids.alarmTopic())],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'CloudWatchAlarmsPublish',
              Effect: 'Allow',
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: 'sns:Publish',
              Resource: Fn.Ref(ids.alarmTopic()),
              Condition: {
                ...SAME_ACCOUNT,
                ArnLike: {
                  'aws:SourceArn': sub('arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:*'),
                },
              },
            },
            ...grants.map(publishStatement),
          ],
        },
      }),
    },
  ];
}
