/**
 * The firewall's model (`edge.firewall`): which protections the web ACLs of the site
 * (CloudFront) and the API stage get. SQL injection and XSS protection may differ per
 * environment, written as other per-environment values in gen are: one value, or one per
 * environment name (an environment not named gets false).
 */
import { inEnvironment } from '../../events/targets.js';

/** AWS managed rule groups by the names the spec uses, and AWS's names for them. */
export const MANAGED_RULE_GROUPS = {
  common: 'AWSManagedRulesCommonRuleSet',
  'known-bad-inputs': 'AWSManagedRulesKnownBadInputsRuleSet',
  'ip-reputation': 'AWSManagedRulesAmazonIpReputationList',
} as const;
export type ManagedRule = keyof typeof MANAGED_RULE_GROUPS;
export const MANAGED_RULES = Object.keys(MANAGED_RULE_GROUPS) as ManagedRule[];

/** The platform's baseline when `managedRules` is not written (platform-plan tasks 16.1 and 16.2). */
export const DEFAULT_MANAGED_RULES: ManagedRule[] = ['common', 'known-bad-inputs', 'ip-reputation'];

export type PerEnvironment<T> = T | Record<string, T>;

export interface Firewall {
  managedRules: ManagedRule[];
  sqlInjection: PerEnvironment<boolean>;
  xss: PerEnvironment<boolean>;
  /** Requests per 5 minutes from one IP address before WAF blocks it; absent: no rate-based rule. */
  rateLimit?: number;
  /** Log every request the ACLs see to an aws-waf-logs-* bucket. */
  logs: boolean;
}

export interface RawFirewall {
  managedRules?: ManagedRule[];
  sqlInjection?: PerEnvironment<boolean>;
  xss?: PerEnvironment<boolean>;
  rateLimit?: number;
  logs?: boolean;
}

export const normalizeFirewall = (raw: RawFirewall): Firewall => ({
  // Spec order is kept for the docs; the ACL orders its rules by kind (rules.ts), not by list position.
  managedRules: [...(raw.managedRules ?? DEFAULT_MANAGED_RULES)],
  sqlInjection: raw.sqlInjection ?? false,
  xss: raw.xss ?? false,
  ...(raw.rateLimit !== undefined ? { rateLimit: raw.rateLimit } : {}),
  logs: raw.logs ?? true,
});

/** A per-environment switch in one environment: an environment the map does not name is off. */
export const onIn = (value: PerEnvironment<boolean>, env: string): boolean => inEnvironment(value, env) ?? false;
