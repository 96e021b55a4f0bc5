/**
 * moto creates S3 buckets from a template but ignores their NotificationConfiguration, so on the
 * local endpoint an upload would never reach its queue or topic. There, after a stack is
 * deployed, gen applies each bucket's notification configuration itself with S3's own API (as
 * CloudFormation does on AWS), so the local endpoint behaves like AWS end to end.
 */
import type { PseudoParameters } from '../output/documents.js';
import { resolvePseudoParameters } from '../output/documents.js';
import type { Clients } from './target.js';

interface CfnFilter {
  S3Key?: { Rules?: { Name: string; Value: string }[] };
}
interface CfnNotification {
  QueueConfigurations?: { Event: string; Queue: unknown; Filter?: CfnFilter }[];
  TopicConfigurations?: { Event: string; Topic: unknown; Filter?: CfnFilter }[];
  EventBridgeConfiguration?: { EventBridgeEnabled?: boolean };
}

const filter = (f?: CfnFilter) =>
  f?.S3Key?.Rules
    ? {
        Filter: {
          Key: { FilterRules: f.S3Key.Rules.map((r) => ({ Name: r.Name as 'prefix' | 'suffix', Value: r.Value })) },
        },
      }
    : {};

/** The S3 API's form of a template's NotificationConfiguration, pseudo parameters resolved. */
export function notificationRequest(config: CfnNotification, pseudo: PseudoParameters) {
  const resolve = (v: unknown) => String(resolvePseudoParameters(v, pseudo));
  return {
    ...(config.QueueConfigurations
      ? {
          QueueConfigurations: config.QueueConfigurations.map((q) => ({
            QueueArn: resolve(q.Queue),
            Events: [q.Event],
            ...filter(q.Filter),
          })),
        }
      : {}),
    ...(config.TopicConfigurations
      ? {
          TopicConfigurations: config.TopicConfigurations.map((t) => ({
            TopicArn: resolve(t.Topic),
            Events: [t.Event],
            ...filter(t.Filter),
          })),
        }
      : {}),
    ...(config.EventBridgeConfiguration?.EventBridgeEnabled ? { EventBridgeConfiguration: {} } : {}),
  };
}

export async function applyBucketNotifications(
  clients: Clients,
  template: { Resources?: Record<string, { Type: string; Properties?: Record<string, any> }> },
  pseudo: PseudoParameters,
  say: (line: string) => void,
): Promise<void> {
  const { PutBucketNotificationConfigurationCommand } = await import('@aws-sdk/client-s3');
  for (const [id, r] of Object.entries(template.Resources ?? {})) {
    const config =
      r.Type === 'AWS::S3::Bucket'
        ? (r.Properties?.NotificationConfiguration as CfnNotification | undefined)
        : undefined;
    if (!config) continue;
    const bucket = String(resolvePseudoParameters(r.Properties!.BucketName, pseudo));
    await clients.s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: bucket,
        NotificationConfiguration: notificationRequest(config, pseudo) as never,
      }),
    );
    say(`local endpoint: ${id} notifications applied with S3's API (moto ignores them in templates)`);
  }
}
