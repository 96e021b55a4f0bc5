/** The rules of a web ACL, for every combination of choices: what the spec turns on is what WAF enforces. */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { MANAGED_RULE_GROUPS, MANAGED_RULES } from '../../generator/sections/edge/firewall/model.js';
import { aclRules, COMMON_XSS_RULES } from '../../generator/sections/edge/firewall/rules.js';

const choices = fc.record(
  {
    managedRules: fc.subarray(MANAGED_RULES),
    sqlInjection: fc.boolean(),
    xss: fc.boolean(),
    rateLimit: fc.integer({ min: 10, max: 2_000_000_000 }),
  },
  { requiredKeys: ['managedRules', 'sqlInjection', 'xss'] },
);

it('orders rules by fixed priorities, names them uniquely, and enforces exactly the choices', () => {
  fc.assert(
    fc.property(choices, (choice) => {
      const rules = aclRules(choice, 'test-shop-api') as any[];
      const priorities = rules.map((r) => r.Priority);
      expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
      expect(new Set(priorities).size).toBe(rules.length);
      expect(new Set(rules.map((r) => r.Name)).size).toBe(rules.length);
      for (const r of rules) {
        expect(r.Name).toMatch(/^[0-9A-Za-z_-]{1,128}$/);
        expect(r.VisibilityConfig).toEqual({
          SampledRequestsEnabled: true,
          CloudWatchMetricsEnabled: true,
          MetricName: `test-shop-api-${r.Name}`,
        });
        // A rule has an Action (its own statement) or an OverrideAction (a rule group), never both.
        expect('Action' in r !== 'OverrideAction' in r).toBe(true);
      }
      const groups = rules.flatMap((r) => r.Statement.ManagedRuleGroupStatement?.Name ?? []);
      expect(groups.filter((g) => g !== 'AWSManagedRulesSQLiRuleSet').sort()).toEqual(
        choice.managedRules.map((m) => MANAGED_RULE_GROUPS[m]).sort(),
      );
      expect(groups.includes('AWSManagedRulesSQLiRuleSet')).toBe(choice.sqlInjection);
      expect(rules.some((r) => r.Name === 'rate-limit')).toBe(choice.rateLimit !== undefined);
      // XSS is blocked by the common group's own rules (not counted) or by the xss rule, exactly when asked.
      const common = rules.find((r) => r.Name === 'common');
      const counted = common?.Statement.ManagedRuleGroupStatement.RuleActionOverrides?.map((o: any) => o.Name) ?? [];
      const blocksXss = (common !== undefined && counted.length === 0) || rules.some((r) => r.Name === 'xss');
      expect(blocksXss).toBe(choice.xss);
      expect(counted).toEqual(common && !choice.xss ? COMMON_XSS_RULES : []);
    }),
    { numRuns: 200 },
  );
});
