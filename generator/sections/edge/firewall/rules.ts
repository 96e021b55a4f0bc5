/**
 * The rules of one web ACL in one environment. Both ACLs (site and API) get the same rules;
 * priorities are fixed per kind of rule, so turning one on or off never renumbers the others:
 * cheap checks first (IP reputation, then the rate limit), then the request inspections.
 *
 * Choices, checked against AWS's documentation (WAF developer guide, "AWS Managed Rules rule groups list"):
 * - SQL injection: the managed group AWSManagedRulesSQLiRuleSet (200 WCUs) rather than our own
 *   SqliMatchStatement rules. It inspects query arguments, body, cookies and URI path with several
 *   decodings, and AWS keeps its patterns current; one SqliMatchStatement covers one part only.
 * - XSS: the common rule group already has CrossSiteScripting_{COOKIE,QUERYARGUMENTS,BODY,URIPATH}.
 *   With `common` on, `xss` decides what those rules do: block where xss is on, count (log and
 *   metric only) where it is off, so the spec's per-environment choice holds. Without `common`,
 *   xss on adds an XssMatchStatement rule over body, query string and path (and nothing when off).
 */
import type { ManagedRule } from './model.js';
import { MANAGED_RULE_GROUPS } from './model.js';

/** Rules of the common group that look for cross-site scripting (WAF developer guide, core rule set). */
export const COMMON_XSS_RULES = [
  'CrossSiteScripting_COOKIE',
  'CrossSiteScripting_QUERYARGUMENTS',
  'CrossSiteScripting_BODY',
  'CrossSiteScripting_URIPATH',
];

const PRIORITY: Record<ManagedRule | 'rate-limit' | 'sql-injection' | 'xss', number> = {
  'ip-reputation': 10,
  'rate-limit': 20,
  common: 30,
  'known-bad-inputs': 40,
  'sql-injection': 50,
  xss: 60,
};

/** What one ACL holds in one environment. */
export interface RuleChoice {
  managedRules: ManagedRule[];
  sqlInjection: boolean;
  xss: boolean;
  rateLimit?: number;
}

/** Metrics and sampled requests on for every rule: what the dashboard and a person debugging a block need. */
export const visibility = (metricName: string) => ({
  SampledRequestsEnabled: true,
  CloudWatchMetricsEnabled: true,
  MetricName: metricName,
});

function managedGroup(name: string, group: string, prefix: string, overrides: string[] = []) {
  return {
    Name: name,
    Priority: PRIORITY[name as keyof typeof PRIORITY],
    // None: the group's own actions apply (Count here would turn the whole group into logging only).
    OverrideAction: { None: {} },
    Statement: {
      ManagedRuleGroupStatement: {
        VendorName: 'AWS',
        Name: group,
        ...(overrides.length > 0
          ? { RuleActionOverrides: overrides.map((rule) => ({ Name: rule, ActionToUse: { Count: {} } })) }
          : {}),
      },
    },
    VisibilityConfig: visibility(`${prefix}-${name}`),
  };
}

const DECODE = [
  { Priority: 0, Type: 'URL_DECODE' },
  { Priority: 1, Type: 'HTML_ENTITY_DECODE' },
];

/** An XSS match rule over the parts of a request scripts travel in, for ACLs without the common group. */
const xssRule = (prefix: string) => ({
  Name: 'xss',
  Priority: PRIORITY.xss,
  Action: { Block: {} },
  Statement: {
    OrStatement: {
      Statements: [
        // Past WAF's inspection limit the part is inspected as far as it goes (CONTINUE), not let through.
        { Body: { OversizeHandling: 'CONTINUE' } },
        { QueryString: {} },
        { UriPath: {} },
      ].map((field) => ({ XssMatchStatement: { FieldToMatch: field, TextTransformations: DECODE } })),
    },
  },
  VisibilityConfig: visibility(`${prefix}-xss`),
});

/** The ACL's Rules, in priority order; `prefix` names their metrics (<env>-<project>-site). */
export function aclRules(choice: RuleChoice, prefix: string): object[] {
  const listed = (rule: ManagedRule) => choice.managedRules.includes(rule);
  const rules: object[] = [];
  if (listed('ip-reputation')) rules.push(managedGroup('ip-reputation', MANAGED_RULE_GROUPS['ip-reputation'], prefix));
  if (choice.rateLimit !== undefined)
    rules.push({
      Name: 'rate-limit',
      Priority: PRIORITY['rate-limit'],
      Action: { Block: {} },
      Statement: {
        RateBasedStatement: { Limit: choice.rateLimit, EvaluationWindowSec: 300, AggregateKeyType: 'IP' },
      },
      VisibilityConfig: visibility(`${prefix}-rate-limit`),
    });
  if (listed('common'))
    rules.push(managedGroup('common', MANAGED_RULE_GROUPS.common, prefix, choice.xss ? [] : COMMON_XSS_RULES));
  if (listed('known-bad-inputs'))
    rules.push(managedGroup('known-bad-inputs', MANAGED_RULE_GROUPS['known-bad-inputs'], prefix));
  if (choice.sqlInjection) rules.push(managedGroup('sql-injection', 'AWSManagedRulesSQLiRuleSet', prefix));
  if (choice.xss && !listed('common')) rules.push(xssRule(prefix));
  return rules;
}
