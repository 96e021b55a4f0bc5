/**
 * GEN-G5, guardrail (breadth.md §3.14 G5, its WAF part). Why:
 * - WAF delivers logs only to destinations whose name starts with aws-waf-logs- (S3 bucket,
 *   CloudWatch Logs group, Firehose stream); any other name fails at deploy, after the web ACL
 *   exists. A destination is read from its ARN, or from the bucket, group or stream it refers to.
 * - A web ACL without logging leaves no trace of what it blocked or let through (a warning: logs
 *   cost money and a project may decide against them). A logging configuration counts when its
 *   ResourceArn reads the ACL's Arn (GetAtt, the only way to get it in a template).
 * The log bucket's own settings (versioning, encryption, public access, TLS) are GEN-P3's, which
 * checks every bucket.
 */
import { textsOf } from '../arn.js';
import { resourcesOf, type CfnTemplate, type Rule } from '../rule.js';

const PREFIX = 'aws-waf-logs-';

/** Name properties of the destinations WAF logs to, by type. */
const NAME_OF: Record<string, string> = {
  'AWS::S3::Bucket': 'BucketName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::KinesisFirehose::DeliveryStream': 'DeliveryStreamName',
};

/** The destination's name: the last part of its ARN, or the name of the resource it refers to. */
function destinationName(template: CfnTemplate, value: unknown): string | undefined {
  const text = textsOf(value)[0];
  if (text === undefined) return undefined;
  const reference = /^\$\{([A-Za-z0-9]+)(\.[A-Za-z]+)?\}$/.exec(text);
  if (reference) {
    const target = template.Resources?.[reference[1]];
    const property = target && NAME_OF[target.Type];
    return property ? textsOf(target.Properties?.[property])[0] : undefined;
  }
  // arn:...:s3:::<bucket>, arn:...:log-group:<group>[:*], arn:...:deliverystream/<stream>; the
  // ${...} of a name (the account id) are set aside first, their `::` being no ARN separator.
  const placeholders: string[] = [];
  const masked = text.replace(/\$\{[^}]*\}/g, (m) => `\u0000${placeholders.push(m) - 1}\u0000`);
  const match = /(?::s3:::|:log-group:|:deliverystream\/)([^:/]+)/.exec(masked);
  return match?.[1].replace(/\u0000(\d+)\u0000/g, (_, i) => placeholders[Number(i)]);
}

const aclOf = (value: unknown) => {
  const getAtt = (value as Record<string, unknown> | undefined)?.['Fn::GetAtt'];
  const [id, attribute] = Array.isArray(getAtt) ? getAtt : String(getAtt ?? '').split('.');
  return attribute === 'Arn' ? String(id) : undefined;
};

export const wafLogging: Rule = {
  id: 'GEN-G5',
  name: 'waf-logging',
  scope: 'stack',
  title: 'WAF web ACL logging',
  description:
    'Every WAF logging destination is named aws-waf-logs-* (WAF refuses any other); a web ACL without a logging configuration is a warning.',
  fix: 'name the log bucket, log group or Firehose stream aws-waf-logs-<something>',
  check: (template) => {
    const loggings = resourcesOf(template, 'AWS::WAFv2::LoggingConfiguration');
    const badNames = loggings.flatMap(([id, r]) =>
      [r.Properties?.LogDestinationConfigs ?? []].flat().flatMap((destination: unknown) => {
        const name = destinationName(template, destination);
        return name !== undefined && !name.startsWith(PREFIX)
          ? [{ resource: id, message: `logs to '${name}', whose name does not start with ${PREFIX}` }]
          : [];
      }),
    );
    const logged = new Set(loggings.map(([, r]) => aclOf(r.Properties?.ResourceArn)));
    const unlogged = resourcesOf(template, 'AWS::WAFv2::WebACL')
      .filter(([id]) => !logged.has(id))
      .map(([id]) => ({
        resource: id,
        severity: 'warning' as const,
        message: 'has no logging configuration: what it blocks leaves no trace',
        fix: 'add an AWS::WAFv2::LoggingConfiguration with ResourceArn !GetAtt <acl>.Arn (edge.firewall.logs: true does)',
      }));
    return [...badNames, ...unlogged];
  },
};
