/**
 * GEN-P8, design property 8: topics are encrypted and only AWS services may publish. Why each part:
 * - KmsMasterKeyId set (the AWS-managed alias/aws/sns or a customer key): without it SNS stores
 *   messages unencrypted. A service that publishes to an encrypted topic also needs the key's policy
 *   to admit it, which the AWS-managed key cannot do; that is the topics section's check, not this one.
 * - An AWS::SNS::TopicPolicy for the topic (by Ref, or by ARN from another stack): without one SNS
 *   applies its default policy, which lets every principal of the account publish.
 * - Every Allow statement of that policy names Service principals only (events, s3, cloudwatch,
 *   budgets...), or is open to "*" but conditioned on aws:SourceArn, aws:SourceAccount,
 *   aws:SourceOrgID or aws:SourceOrgPaths with a positive match (StringEquals, StringLike,
 *   ArnEquals, ArnLike; not the IfExists or Not forms, which also match requests without the key).
 *   Those keys are present only in requests a service makes on behalf of a resource or account, so
 *   such a statement still admits services only. Account, role or user principals are refused: the
 *   functions of the project publish through their roles' identity policies, not the topic policy.
 *   Deny statements (the non-TLS Deny) restrict, so they are not checked.
 */
import { environmentOf } from '../environment-view.js';
import { resourcesOf, statementsOf, type Rule } from '../rule.js';

const SOURCE_KEYS = ['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths'];
const MATCHING = /^(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)$/;

const onlyServices = (principal: unknown) =>
  !!principal &&
  typeof principal === 'object' &&
  Object.keys(principal).length > 0 &&
  Object.keys(principal).every((k) => k === 'Service');
const anyone = (principal: unknown) =>
  principal === '*' ||
  (!!principal &&
    typeof principal === 'object' &&
    Object.keys(principal).every((k) => k === 'AWS') &&
    [(principal as any).AWS].flat().includes('*'));
const fromServiceSources = (s: any) =>
  Object.entries(s.Condition ?? {})
    .filter(([op]) => MATCHING.test(op))
    .flatMap(([, keys]) => Object.entries((keys ?? {}) as object))
    .some(([key, value]) => SOURCE_KEYS.includes(key.toLowerCase()) && ![value].flat().includes('*'));

/** Whether an Allow statement admits a principal other than an AWS service. */
const admitsNonService = (s: any) =>
  s.Effect === 'Allow' && !onlyServices(s.Principal) && !(anyone(s.Principal) && fromServiceSources(s));

export const topicSecurity: Rule = {
  id: 'GEN-P8',
  name: 'topic-security',
  property: 8,
  scope: 'environment',
  title: 'SNS topic security configuration',
  description:
    'Every topic is encrypted with KMS and has an access policy that lets only AWS services publish (Service principals, or "*" conditioned on aws:SourceArn / aws:SourceAccount).',
  fix: 'set KmsMasterKeyId and add an AWS::SNS::TopicPolicy whose statements name Service principals only',
  check: (template, context) => {
    const view = environmentOf(template, context);
    const policies = view.all('AWS::SNS::TopicPolicy');
    return resourcesOf(template, 'AWS::SNS::Topic').flatMap(([id, r]) => {
      const mine = policies.filter((p) =>
        [p.resource.Properties?.Topics ?? []]
          .flat()
          .some((topic) => view.resolve(topic, 'AWS::SNS::Topic', p.stack)?.resource === r),
      );
      const statements = mine.flatMap((p) => statementsOf(p.resource.Properties?.PolicyDocument));
      return [
        ...(r.Properties?.KmsMasterKeyId ? [] : [{ resource: id, message: 'is not encrypted (no KmsMasterKeyId)' }]),
        ...(mine.length > 0 ? [] : [{ resource: id, message: 'has no access policy' }]),
        ...statements
          .filter(admitsNonService)
          .map(() => ({ resource: id, message: 'its policy lets a non-service principal publish' })),
      ];
    });
  },
};
