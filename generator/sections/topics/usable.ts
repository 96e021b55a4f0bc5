/**
 * What functions may do with a topic: `topics: {alerts: publish}` grants sns:Publish on the
 * topic's ARN and sets TOPIC_<NAME> to it. A topic with a key of its own (an AWS service
 * publishes to it) also lets the function use that key, through SNS only.
 */
import { arns, names, pascal } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import type { Spec } from '../../spec.js';
import { projectOf } from '../project/model.js';
import { grantsFor, type CompileContext, type Reference, type Usable } from '../section.js';
import { topicsOf } from './model.js';
import { byName } from '../../spec.js';

/** The topic's name in one environment, `.fifo` included. */
export const topicName = (spec: Spec, env: string, name: string) =>
  names.topic(env, name, byName(topicsOf(spec), name)?.value.fifo === true);

/**
 * A topic gets a key of its own when an AWS service publishes to it: the AWS-managed key
 * (alias/aws/sns) has a key policy nobody can change, and it admits no service principal.
 */
export const hasOwnKey = (ctx: CompileContext, name: string) => grantsFor(ctx, 'topics', name).length > 0;

export const topicKeyAlias = ({ spec, env }: CompileContext, name: string) =>
  names.topicKeyAlias(env.name, projectOf(spec)?.value.name ?? 'project', name);

export const topicUsable: Usable = {
  service: 'sns',
  access: { enum: ['publish'] },
  description:
    'Topics the code publishes to; `{access, variable}` renames the variable. Each becomes a TOPIC_<NAME> variable (the topic ARN) and sns:Publish on that topic (and use of its key, through SNS, when it has one of its own).',
  example: { alerts: 'publish', orders: { access: 'publish', variable: 'ORDERS_TOPIC_ARN' } },
  variable: (name) => names.variable('TOPIC', name),
  holds: 'the ARN of topic',
  value: (name, { spec, env }) => sub(arns.topic(topicName(spec, env.name, name))),
  statements: ({ name }: Reference, ctx) => [
    {
      Sid: `Topic${pascal(name)}Publish`,
      Effect: 'Allow',
      Action: ['sns:Publish'],
      Resource: [sub(arns.topic(topicName(ctx.spec, ctx.env.name, name)))],
    },
    // The key lives in another stack under a random id: named by its alias, used only by SNS on the function's behalf.
    ...(hasOwnKey(ctx, name)
      ? [
          {
            Sid: `Topic${pascal(name)}Key`,
            Effect: 'Allow',
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Resource: [sub('arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*')],
            Condition: {
              'ForAnyValue:StringEquals': { 'kms:ResourceAliases': topicKeyAlias(ctx, name) },
              StringEquals: { 'kms:ViaService': sub('sns.${AWS::Region}.amazonaws.com') },
            },
          },
        ]
      : []),
  ],
};
