/** The schema of `edge.firewall`; the edge section puts it under its `firewall` property. */
import { perEnvironmentSwitch, type JsonSchema } from '../../../schema/json-schema.js';
import { DEFAULT_MANAGED_RULES, MANAGED_RULES } from './model.js';

/** WAF's limits for a rate-based rule (AWS WAF developer guide, rate-based rule settings); checked as GEN397. */
export const RATE_LIMIT = { min: 10, max: 2_000_000_000 };

/** sqlInjection and xss: on everywhere, or per environment (an environment not named is off). */
const perEnvironmentRule = (description: string): JsonSchema =>
  perEnvironmentSwitch(
    `${description} One value, or one per environment ({production: true}; an environment not named is off).`,
    false,
    { production: true },
  );

export const firewallSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description:
    "AWS WAF in front of the site and the API: a CLOUDFRONT web ACL (us-east-1, edge-global layer) attached to the site's distribution, and a REGIONAL web ACL (edge layer) associated with the API stage. Each gets the same rules; requests no rule blocks are allowed.",
  examples: [
    {
      managedRules: ['common', 'known-bad-inputs', 'ip-reputation'],
      sqlInjection: { production: true },
      xss: { production: true },
      rateLimit: 2000,
      logs: true,
    },
  ],
  properties: {
    managedRules: {
      type: 'array',
      uniqueItems: true,
      items: { enum: [...MANAGED_RULES] },
      default: DEFAULT_MANAGED_RULES,
      description:
        "AWS managed rule groups: common (AWSManagedRulesCommonRuleSet, OWASP-style protections incl. cross-site scripting and size limits), known-bad-inputs (AWSManagedRulesKnownBadInputsRuleSet: exploit patterns such as Log4j), ip-reputation (AWSManagedRulesAmazonIpReputationList: addresses Amazon's threat intelligence reports). Default: all three.",
      examples: [['common', 'known-bad-inputs', 'ip-reputation']],
    },
    sqlInjection: perEnvironmentRule(
      'Block SQL injection in query strings, bodies, cookies and paths (AWS managed rule group AWSManagedRulesSQLiRuleSet).',
    ),
    xss: perEnvironmentRule(
      "Block cross-site scripting in bodies, query strings, cookies and paths: the common rule group's CrossSiteScripting rules (counted, not blocked, where xss is off), or an XSS match rule when common is not used.",
    ),
    rateLimit: {
      type: 'integer',
      description: `Requests one IP address may send in 5 minutes before WAF blocks it until its rate falls (a rate-based rule, ${RATE_LIMIT.min} to ${RATE_LIMIT.max}). Default: no rate limit.`,
      examples: [2000],
    },
    logs: {
      type: 'boolean',
      default: true,
      description:
        "Log every request the web ACLs inspect to a bucket named aws-waf-logs-<environment>-<project>-<site|api>-<account id> in the ACL's region (WAF requires the prefix), kept for the environment's logRetentionDays; the Authorization and Cookie headers are redacted.",
      examples: [true],
    },
  },
};
