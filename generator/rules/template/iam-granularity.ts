/**
 * GEN-P9, design property 9: an IAM statement that allows DynamoDB, S3 or Secrets Manager actions
 * (or every action) names each table, bucket or secret. Why: a wildcard grants today's function the
 * data of every table, bucket or secret created later, in any environment of the account; naming
 * each one keeps a compromised or buggy function to the data it was given. A resource is a
 * wildcard when the part that names the table, bucket or secret can match others:
 * - `*` alone, or an ARN whose service, resource type or name holds `*` or `?`:
 *   `arn:…:s3:::*`, `arn:…:s3:::logs-*`, `arn:…:s3:::*\/*`, `arn:…:dynamodb:…:table/*`,
 *   `arn:…:secretsmanager:…:secret:*`, `…:secret:test/*`.
 * - Not a wildcard: what follows the named resource. An object ARN `arn:…:s3:::bucket/*` (or
 *   `${UploadsBucket.Arn}/*`) is the only way to grant object actions on one bucket; a table's index
 *   or stream ARN (`table/orders/index/*`) stays within the table; a secret's `-??????` or `-*`
 *   suffix stands for the six random characters Secrets Manager appends to the secret's name
 *   (AWS's documented way to name a secret before it exists).
 * - A reference (`${X.Arn}`, Ref, Fn::GetAtt) names one resource; a `*` right after it
 *   (`${UploadsBucket.Arn}*`) extends the name and is a wildcard.
 * Resources of other services in the same statement (log groups, X-Ray's `*` in its own statement)
 * are outside this property. An Allow with NotResource grants every resource but those listed, so
 * it is reported too. Region and account fields are not names and may be `*`.
 */
import { hasWildcard, headOf, parseArn, textsOf } from '../arn.js';
import { resourcesOf, statementsOf, type Rule } from '../rule.js';

/** Services whose data resources must be named one by one (design property 9). */
const DATA_SERVICES = ['dynamodb', 's3', 'secretsmanager'];

/** The part of an ARN's resource field that names the resource, by service. */
function namePart(service: string, resource: string, bucketLevel: boolean): string {
  if (service === 's3' && bucketLevel) return headOf(resource);
  if (service === 'secretsmanager') {
    const [type, ...name] = resource.split(':');
    return `${type}:${name.join(':').replace(/-(\?{6}|\*)$/, '')}`;
  }
  // type/name[/...] (dynamodb table/orders/index/x, s3 accesspoint/ap/object/key) or type:name.
  const [type, name = ''] = resource.split(/[/:]/);
  return `${type}/${name || '*'}`;
}

/** Whether a resource text is a wildcard over data resources (see above). */
export function isWildcardResource(text: string): boolean {
  if (text === '*') return true;
  const arn = parseArn(text);
  if (!arn) return hasWildcard(headOf(text));
  if (hasWildcard(arn.service)) return true;
  if (!DATA_SERVICES.includes(arn.service)) return false;
  return hasWildcard(namePart(arn.service, arn.resource, arn.region === '' && arn.account === ''));
}

export const iamGranularity: Rule = {
  id: 'GEN-P9',
  name: 'iam-granularity',
  property: 9,
  scope: 'stack',
  title: 'IAM policy granularity',
  description:
    'No IAM statement grants DynamoDB, S3 or Secrets Manager actions on a wildcard resource: each table, bucket or secret is named (object ARNs bucket/*, index ARNs table/<name>/index/* and secret-name suffixes are not wildcards).',
  fix: 'list the ARNs of the exact tables (and indexes), buckets or secrets instead of *',
  check: (template) => {
    const statements = [
      ...resourcesOf(template, 'AWS::IAM::Role').flatMap(([id, r]) =>
        (r.Properties?.Policies ?? []).flatMap((p: any) => statementsOf(p.PolicyDocument).map((s) => [id, s])),
      ),
      ...['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'].flatMap((type) =>
        resourcesOf(template, type).flatMap(([id, r]) =>
          statementsOf(r.Properties?.PolicyDocument).map((s) => [id, s]),
        ),
      ),
    ] as [string, any][];
    return statements.flatMap(([id, s]) => {
      const services = [s.Action].flat().map((a: string) => String(a).split(':')[0]);
      if (s.Effect !== 'Allow' || !services.some((svc) => DATA_SERVICES.includes(svc) || svc === '*')) return [];
      const actions = [s.Action].flat().join(', ');
      if (s.NotResource !== undefined)
        return [{ resource: id, message: `grants ${actions} on every resource but ${JSON.stringify(s.NotResource)}` }];
      const wild = [s.Resource].flat().flatMap(textsOf).filter(isWildcardResource);
      return wild.map((arn) => ({ resource: id, message: `grants ${actions} on '${arn}'` }));
    });
  },
};
