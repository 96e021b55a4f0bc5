/** The alarm topic: SNS encrypted with its own rotating KMS key; only CloudWatch of this account may publish. */
import { Fn, KmsAlias, KmsKey, SnsTopic, SnsTopicPolicy, sub, keptWhenProtected } from '../../output/cfn.js';
import type { PlacedResource } from '../../output/fragment.js';
import { ids, names } from '../../naming/ids.js';
import type { Environment } from '../../environment/model.js';

const ACCOUNT_ROOT = sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root');
const SAME_ACCOUNT = { StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') } };

export function alarmTopic(env: Environment, project: string): PlacedResource[] {
  const key = Object.assign(
    new KmsKey({
      Description: `Encrypts the ${env.name} alarm topic of ${project}`,
      EnableKeyRotation: true,
      KeyPolicy: {
        Version: '2012-10-17',
        Statement: [
          // The account administers the key through IAM; without this the key becomes unmanageable.
          {
            Sid: 'AccountAdministers',
            Effect: 'Allow',
            Principal: { AWS: ACCOUNT_ROOT },
            Action: 'kms:*',
            Resource: '*',
          },
          {
            Sid: 'CloudWatchPublishesEncrypted',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Resource: '*',
            Condition: SAME_ACCOUNT,
          },
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
          ],
        },
      }),
    },
  ];
}
