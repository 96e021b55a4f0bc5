/**
 * Checks of `edge.firewall` on the assembled spec: it protects something, its rate limit is one
 * WAF accepts, its log buckets' names fit S3, its per-environment switches name real
 * environments, and its web ACLs have at least one rule somewhere.
 */
import { error, type Diagnostic, type Location } from '../../../diagnostics.js';
import { names } from '../../../naming/ids.js';
import type { Spec } from '../../../spec.js';
import { checkEnvironmentNames } from '../../events/targets.js';
import { physicalNameProblem } from '../../project/limits.js';
import { projectOf } from '../../project/model.js';
import { onIn, type Firewall } from './model.js';
import { RATE_LIMIT } from './schema.js';

/** An account id is 12 characters, like this placeholder: names are measured as AWS will see them. */
const ACCOUNT = '<account-id>';

/** `at`: where `firewall` is written (file and YAML path); `targets`: whether edge has a site and an API. */
export function checkFirewall(
  spec: Spec,
  firewall: Firewall,
  at: Location,
  targets: { site: boolean; api: boolean },
): Diagnostic[] {
  const where = (...rest: string[]): Location => ({ file: at.file, path: [...at.path, ...rest] });
  const out: Diagnostic[] = [];
  if (!targets.site && !targets.api)
    out.push(
      error(
        'GEN396',
        'edge.firewall protects nothing: edge has no site and no API (api: true, with routes) to put a web ACL in front of',
        { ...at, at: 'key' },
        'add edge.site, or edge.api: true with routes, or remove firewall',
      ),
    );
  const limit = firewall.rateLimit;
  if (limit !== undefined && (limit < RATE_LIMIT.min || limit > RATE_LIMIT.max))
    out.push(
      error(
        'GEN397',
        `firewall rateLimit ${limit} is outside what WAF accepts for a rate-based rule (${RATE_LIMIT.min} to ${RATE_LIMIT.max} requests per 5 minutes)`,
        where('rateLimit'),
        `use a limit from ${RATE_LIMIT.min} to ${RATE_LIMIT.max}, or remove rateLimit for no rate limit`,
      ),
    );
  const project = projectOf(spec)?.value.name;
  if (firewall.logs && project !== undefined) {
    const scopes = [...(targets.site ? (['Site'] as const) : []), ...(targets.api ? (['Api'] as const) : [])];
    for (const scope of scopes) {
      const long = physicalNameProblem(
        'project',
        project,
        spec.environmentNames,
        (env) => names.firewallLogsBucket(env, project, scope).replace('${AWS::AccountId}', ACCOUNT),
        { max: 63, what: 'S3 bucket names (aws-waf-logs-<environment>-<project>-<site|api>-<account id>)' },
      );
      if (long)
        out.push(
          error(
            'GEN398',
            `the firewall's log bucket: ${long.message}`,
            where('logs'),
            `${long.fix}, or set logs: false`,
          ),
        );
    }
  }
  const anyRule = (env: string) =>
    firewall.managedRules.length > 0 ||
    firewall.rateLimit !== undefined ||
    onIn(firewall.sqlInjection, env) ||
    onIn(firewall.xss, env);
  const bare = spec.environmentNames.filter((env) => !anyRule(env));
  if (bare.length > 0)
    out.push(
      error(
        'GEN399',
        `the firewall has no rule in ${bare.join(', ')}: its web ACLs would let every request through`,
        { ...at, at: 'key' },
        'list managedRules (common, known-bad-inputs, ip-reputation), set rateLimit, or turn on sqlInjection or xss there',
      ),
    );
  out.push(
    ...checkEnvironmentNames(spec, firewall.sqlInjection, 'firewall sqlInjection', where('sqlInjection')),
    ...checkEnvironmentNames(spec, firewall.xss, 'firewall xss', where('xss')),
  );
  return out;
}
